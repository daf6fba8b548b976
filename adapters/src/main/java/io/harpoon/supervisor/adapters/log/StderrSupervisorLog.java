package io.harpoon.supervisor.adapters.log;

import io.harpoon.supervisor.application.port.out.SupervisorLog;
import io.harpoon.supervisor.domain.container.ContainerId;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes {@code 2026-11-28T05:46:40.123Z harpoon-supervisor[ID] INFO message}, one line per call:
 * UTC, always with milliseconds, so lines sort and align. The container's own output shares stderr,
 * so each line is written whole in one call (lines never interleave), and a message can never start
 * a line of its own: line breaks and other control characters in it, which may come from a config
 * or a client, become spaces.
 *
 * <p>On the process's stderr the lines go through a {@link BoundedLineWriter}: logging never blocks
 * the caller, also when nobody drains stderr; lines that do not fit its queue are dropped and
 * counted in a line of their own. At exit the queued lines get a short while to be written.
 */
public final class StderrSupervisorLog implements SupervisorLog {

  /** Lines waiting for a slow stderr; beyond them lines are dropped and counted. */
  static final int QUEUED_LINES = 1024;
  /** How long the log's thread waits for another line before it ends. */
  private static final Duration WRITER_IDLE = Duration.ofSeconds(1);
  /** How long the queued lines may take to reach stderr when the supervisor exits. */
  private static final Duration EXIT_FLUSH = Duration.ofSeconds(1);
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final String prefix;
  private final Clock clock;
  private final Consumer<String> lines;

  /** Logs for container {@code id}, stamping lines with {@code clock}, to {@code out} at once. */
  public StderrSupervisorLog(ContainerId id, Clock clock, PrintStream out) {
    this(id, clock, Objects.requireNonNull(out, "out")::println);
  }

  private StderrSupervisorLog(ContainerId id, Clock clock, Consumer<String> lines) {
    this.prefix = prefixOf(id);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lines = lines;
  }

  /**
   * Logs to the process's stderr, which the agent captures, through a bounded queue and a thread of
   * its own (see {@link BoundedLineWriter}).
   */
  public static StderrSupervisorLog toStderr(ContainerId id, Clock clock) {
    String prefix = prefixOf(id);
    BoundedLineWriter writer = new BoundedLineWriter(new FileOutputStream(FileDescriptor.err),
        QUEUED_LINES, WRITER_IDLE, count -> line(clock, prefix, "WARN ", droppedMessage(count)));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> flushQuietly(writer), "log-flush"));
    return new StderrSupervisorLog(id, clock, writer::write);
  }

  /** The message of the line that reports dropped lines. */
  static String droppedMessage(long count) {
    return count + " log lines dropped: stderr was not drained";
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
    lines.accept(line(clock, prefix, level, message));
  }

  private static String prefixOf(ContainerId id) {
    return " harpoon-supervisor[" + Objects.requireNonNull(id, "id").value() + "] ";
  }

  private static String line(Clock clock, String prefix, String level, String message) {
    return TIMESTAMP.format(clock.instant()) + prefix + level + singleLine(message);
  }

  private static void flushQuietly(BoundedLineWriter writer) {
    try {
      writer.flush(EXIT_FLUSH);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
