package io.harpoon.supervisor.adapters.log;

import io.harpoon.supervisor.application.port.out.SupervisorLog;
import io.harpoon.supervisor.domain.container.ContainerId;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;

/**
 * Writes one line per call, spelled by a {@link LogFormat}: by default {@code
 * 2026-11-28T05:46:40.123Z harpoon-supervisor[ID] INFO message} ({@link TextLogFormat}). The
 * container's own output shares stderr, so each line is printed whole in one call (a {@link
 * PrintStream} locks per call: lines never interleave).
 */
public final class StderrSupervisorLog implements SupervisorLog {

  /** The program named in every line. */
  public static final String PROGRAM = "harpoon-supervisor";

  private final LogFormat format;
  private final Clock clock;
  private final PrintStream out;

  /** Logs for container {@code id} in the text format, stamped with {@code clock}, to {@code out}. */
  public StderrSupervisorLog(ContainerId id, Clock clock, PrintStream out) {
    this(new TextLogFormat(PROGRAM, Objects.requireNonNull(id, "id").value()), clock, out);
  }

  /** Logs lines spelled by {@code format}, stamped with {@code clock}, to {@code out}. */
  public StderrSupervisorLog(LogFormat format, Clock clock, PrintStream out) {
    this.format = Objects.requireNonNull(format, "format");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.out = Objects.requireNonNull(out, "out");
  }

  /** Logs to the process's stderr, which the agent captures. */
  public static StderrSupervisorLog toStderr(ContainerId id, Clock clock) {
    return new StderrSupervisorLog(id, clock, System.err);
  }

  /** Logs to the process's stderr in {@code format}. */
  public static StderrSupervisorLog toStderr(LogFormat format, Clock clock) {
    return new StderrSupervisorLog(format, clock, System.err);
  }

  @Override
  public void info(String message) {
    write(LogLevel.INFO, message);
  }

  @Override
  public void warn(String message) {
    write(LogLevel.WARN, message);
  }

  @Override
  public void error(String message) {
    write(LogLevel.ERROR, message);
  }

  private void write(LogLevel level, String message) {
    out.println(format.line(clock.instant(), level, message));
  }
}
