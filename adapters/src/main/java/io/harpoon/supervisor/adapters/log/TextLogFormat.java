package io.harpoon.supervisor.adapters.log;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * {@code 2026-11-28T05:46:40.123Z harpoon-supervisor[ID] INFO message}: UTC, always with
 * milliseconds, so lines sort and align. A message can never start a line of its own: line breaks
 * and other control characters in it, which may come from a config or a client, become spaces.
 */
public final class TextLogFormat implements LogFormat {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final String prefix;

  public TextLogFormat(String program, String id) {
    this.prefix = " " + Objects.requireNonNull(program, "program") + "["
        + Objects.requireNonNull(id, "id") + "] ";
  }

  @Override
  public String line(Instant at, LogLevel level, String message) {
    return TIMESTAMP.format(at) + prefix + level.name() + " " + singleLine(message);
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
