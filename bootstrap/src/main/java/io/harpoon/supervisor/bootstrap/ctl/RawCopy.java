package io.harpoon.supervisor.bootstrap.ctl;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * {@code watch --raw}: the bytes of the stream as they came, except what {@link Printable} escapes,
 * escaped the same way. Works on UTF-8 bytes as they arrive, so a character split between two reads
 * is recognised: C1 controls are {@code C2 80..9F}, the separators and bidirectional controls {@code
 * E2 80 8E..8F}, {@code E2 80 A8..AE} and {@code E2 81 A6..A9}. LF stays: it frames the events.
 */
final class RawCopy {

  private final byte[] pending = new byte[3];
  private int held;

  /** The safe bytes of {@code input}; a possible start of an unsafe character is held back. */
  byte[] filter(ByteBuffer input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(input.remaining() + 16);
    while (input.hasRemaining()) {
      pending[held++] = input.get();
      drain(out);
    }
    return out.toByteArray();
  }

  /** Writes what can be decided; keeps the start of a sequence that may still turn out unsafe. */
  private void drain(ByteArrayOutputStream out) {
    while (held > 0) {
      int first = pending[0] & 0xff;
      if (first == 0xc2 || first == 0xe2) {
        if (held >= 2 && !mayBeUnsafe(first, pending[1] & 0xff)) {
          pass(out, 1);
          continue;
        }
        int length = first == 0xc2 ? 2 : 3;
        if (held < length) {
          return;
        }
        int code = first == 0xc2 ? pending[1] & 0xff
            : ((first & 0x0f) << 12) | ((pending[1] & 0x3f) << 6) | (pending[2] & 0x3f);
        if (Printable.unsafe(code)) {
          write(out, Printable.escape(code));
          shift(length);
        } else {
          pass(out, 1);
        }
      } else if ((first < 0x20 && first != '\n') || first == 0x7f) {
        write(out, Printable.escape(first));
        shift(1);
      } else {
        pass(out, 1);
      }
    }
  }

  private static boolean mayBeUnsafe(int first, int second) {
    return first == 0xc2 ? second >= 0x80 && second <= 0x9f : second == 0x80 || second == 0x81;
  }

  private void pass(ByteArrayOutputStream out, int count) {
    out.write(pending, 0, count);
    shift(count);
  }

  private void shift(int count) {
    System.arraycopy(pending, count, pending, 0, held - count);
    held -= count;
  }

  private static void write(ByteArrayOutputStream out, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    out.write(bytes, 0, bytes.length);
  }
}
