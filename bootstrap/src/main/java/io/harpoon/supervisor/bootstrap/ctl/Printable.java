package io.harpoon.supervisor.bootstrap.ctl;

/**
 * Text that came from a socket, a file or a command line, made safe for a terminal. A container's
 * image can put anything into {@code err} (a runtime's message quotes it), and an escape sequence
 * printed raw reaches the operator's terminal: it can rewrite the screen, retitle the window or hide
 * text. Every control character (C0 including tab and line ends, DEL, C1), the Unicode line and
 * paragraph separators and the bidirectional overrides (which reorder what is shown) are written as
 * visible escapes: {@code \x1b}, {@code \u202e}.
 */
final class Printable {

  private Printable() {}

  /** {@code text} with every unsafe character escaped. */
  static String text(String text) {
    String value = String.valueOf(text);
    StringBuilder safe = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (unsafe(c)) {
        if (safe == null) {
          safe = new StringBuilder(value.length() + 8).append(value, 0, i);
        }
        safe.append(escape(c));
      } else if (safe != null) {
        safe.append(c);
      }
    }
    return safe == null ? value : safe.toString();
  }

  /** Whether a terminal could act on {@code c} instead of showing it. */
  static boolean unsafe(int c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == 0x200e
        || c == 0x200f
        || (c >= 0x2028 && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }

  /** {@code \x1b} below 0x100, {@code \u202e} above. */
  static String escape(int c) {
    return c < 0x100 ? String.format("\\x%02x", c) : String.format("\\u%04x", c);
  }
}
