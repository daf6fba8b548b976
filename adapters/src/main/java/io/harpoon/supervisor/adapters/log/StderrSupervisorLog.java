package io.harpoon.supervisor.adapters.log;

import io.harpoon.supervisor.application.port.out.SupervisorLog;
import io.harpoon.supervisor.domain.container.ContainerId;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Writes {@code 2026-11-28T05:46:40.123Z harpoon-supervisor[ID] INFO message}, one line per call:
 * UTC, always with milliseconds, so lines sort and align. The container's own output shares stderr,
 * so each line is printed whole in one call (a {@link PrintStream} locks per call: lines never
 * interleave), and a message can never start a line of its own: line breaks and other control
 * characters in it, which may come from a config or a client, become spaces.
 */
public final class StderrSupervisorLog implements SupervisorLog {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final String prefix;
  private final Clock clock;
  private final PrintStream out;

  /** Logs for container {@code id}, stamping lines with {@code clock}, to {@code out}. */
  public StderrSupervisorLog(ContainerId id, Clock clock, PrintStream out) {
    this.prefix = " harpoon-supervisor[" + Objects.requireNonNull(id, "id").value() + "] ";
    this.clock = Objects.requireNonNull(clock, "clock");
    this.out = Objects.requireNonNull(out, "out");
  }

  /** Logs to the process's stderr, which the agent captures. */
  public static StderrSupervisorLog toStderr(ContainerId id, Clock clock) {
    return new StderrSupervisorLog(id, clock, System.err);
  }

  @Override
  public void info(String message) {
    write("INFO ", message);
  }

  @Override
  public void warn(String message) {
    write("WARN ", message);
  }

  private void write(String level, String message) {
    out.println(TIMESTAMP.format(clock.instant()) + prefix + level + singleLine(message));
  }

  /**
   * Replaces C0/C1 controls (CR, LF, ESC, ...) and Unicode line/paragraph separators with spaces.
   */
  static String singleLine(String message) {
    String text = String.valueOf(message);
    StringBuilder line = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean breaksLine = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
      line.append(breaksLine ? ' ' : c);
    }
    return line.toString();
  }
}
