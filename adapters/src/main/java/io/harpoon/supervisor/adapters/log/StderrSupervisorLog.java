package io.harpoon.supervisor.adapters.log;

import io.harpoon.supervisor.application.port.out.SupervisorLog;
import io.harpoon.supervisor.domain.container.ContainerId;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes one line per call, spelled by a {@link LogFormat}: by default {@code
 * 2026-11-28T05:46:40.123Z harpoon-supervisor[ID] INFO message} ({@link TextLogFormat}), or one JSON
 * object per line ({@link JsonLogFormat}). Each line is written whole in one call, so lines never
 * interleave.
 *
 * <p>On the process's stderr the lines go through a {@link BoundedLineWriter}: logging never blocks
 * the caller, also when nobody drains stderr; lines that do not fit its queue are dropped and counted in
 * a line of their own. At exit the queued lines get a short while to be written.
 */
public final class StderrSupervisorLog implements SupervisorLog {

  /** The program named in every line. */
  public static final String PROGRAM = "harpoon-supervisor";
  /** Lines waiting for a slow stderr; beyond them lines are dropped and counted. */
  static final int QUEUED_LINES = 1024;
  /** How long the log's thread waits for another line before it ends. */
  private static final Duration WRITER_IDLE = Duration.ofSeconds(1);
  /** How long the queued lines may take to reach stderr when the supervisor exits. */
  private static final Duration EXIT_FLUSH = Duration.ofSeconds(1);

  private final LogFormat format;
  private final Clock clock;
  private final Consumer<String> lines;

  /** Logs for container {@code id} in the text format, stamped with {@code clock}, to {@code out} at once. */
  public StderrSupervisorLog(ContainerId id, Clock clock, PrintStream out) {
    this(new TextLogFormat(PROGRAM, Objects.requireNonNull(id, "id").value()), clock, out);
  }

  /** Logs lines spelled by {@code format}, stamped with {@code clock}, to {@code out} at once. */
  public StderrSupervisorLog(LogFormat format, Clock clock, PrintStream out) {
    this(format, clock, Objects.requireNonNull(out, "out")::println);
  }

  private StderrSupervisorLog(LogFormat format, Clock clock, Consumer<String> lines) {
    this.format = Objects.requireNonNull(format, "format");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lines = lines;
  }

  /**
   * Logs to the process's stderr, which the agent captures, in {@code format}, through a bounded queue
   * and a thread of its own (see {@link BoundedLineWriter}).
   */
  public static StderrSupervisorLog toStderr(LogFormat format, Clock clock) {
    BoundedLineWriter writer = new BoundedLineWriter(new FileOutputStream(FileDescriptor.err),
        QUEUED_LINES, WRITER_IDLE, count -> format.line(clock.instant(), LogLevel.WARN, droppedMessage(count)));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> flushQuietly(writer), "log-flush"));
    return new StderrSupervisorLog(format, clock, writer::write);
  }

  /** The message of the line that reports dropped lines. */
  static String droppedMessage(long count) {
    return count + " log lines dropped: stderr was not drained";
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
    lines.accept(format.line(clock.instant(), level, message));
  }

  private static void flushQuietly(BoundedLineWriter writer) {
    try {
      writer.flush(EXIT_FLUSH);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
