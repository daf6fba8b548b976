package io.harpoon.supervisor.adapters.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Hostile byte streams for the SSE decoder: uniform random bytes; streams built from the grammar's
 * own pieces mixed with line-end mixes, NULs, BOMs in odd places, invalid UTF-8 (stray continuation
 * bytes, overlong forms, encoded surrogates, truncated sequences) and huge field names; and valid
 * command streams with bytes flipped, inserted, deleted or repeated. Caps are the defaults or small
 * random ones, so that both caps are hit often.
 */
final class SseFuzzInputs {

  /** One input and the caps to decode it with. */
  record Input(byte[] bytes, int maxLine, int maxEvent) {}

  private static final byte[][] PIECES = {
    ascii("event"),
    ascii("data"),
    ascii("id"),
    ascii("retry"),
    ascii(":"),
    ascii(": "),
    ascii(" "),
    ascii("event:"),
    ascii("event: "),
    ascii("data:"),
    ascii("data: "),
    ascii("stop"),
    ascii("kill"),
    ascii("exit"),
    ascii("\r"),
    ascii("\n"),
    ascii("\r\n"),
    ascii("\n\r"),
    ascii("\r\r"),
    ascii("\n\n"),
    ascii("\r\n\r\n"),
    {0},
    {0, 0, 0},
    {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
    {(byte) 0xEF, (byte) 0xBB},
    {(byte) 0xFE, (byte) 0xFF},
    {(byte) 0x80},
    {(byte) 0xBF},
    {(byte) 0xC0, (byte) 0xAF},
    {(byte) 0xC3, (byte) 0x28},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
    {(byte) 0xF0, (byte) 0x9F},
    {(byte) 0xFF},
    {(byte) 0xFE},
    "é".getBytes(StandardCharsets.UTF_8),
    "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8),
    ascii("\u007F"),
    ascii("\t"),
  };

  private static final byte[] VALID =
      ascii("event: stop\n\nevent: kill\r\ndata\r\n\r\n: ping\revent:exit\rdata: x\r\r");

  private SseFuzzInputs() {}

  static Input next(SplittableRandom random) {
    int kind = random.nextInt(20);
    byte[] bytes;
    if (kind < 4) {
      bytes = uniform(random);
    } else if (kind < 14) {
      bytes = pieces(random);
    } else {
      bytes = mutated(random);
    }
    if (random.nextInt(4) == 0) {
      return new Input(
          bytes, SseDecoder.DEFAULT_MAX_LINE_BYTES, SseDecoder.DEFAULT_MAX_EVENT_BYTES);
    }
    return new Input(
        bytes, 1 + random.nextInt(random.nextInt(4) == 0 ? 16 : 300), 1 + random.nextInt(600));
  }

  private static byte[] uniform(SplittableRandom random) {
    byte[] bytes = new byte[length(random)];
    random.nextBytes(bytes);
    return bytes;
  }

  /** Up to 2 KiB usually; one input in fifty is up to 40 KiB, past the default line cap. */
  private static int length(SplittableRandom random) {
    return random.nextInt(50) == 0 ? random.nextInt(40_000) : random.nextInt(2_048);
  }

  private static byte[] pieces(SplittableRandom random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int count = random.nextInt(random.nextInt(8) == 0 ? 400 : 40);
    for (int i = 0; i < count; i++) {
      int choice = random.nextInt(40);
      if (choice == 0) {
        out.writeBytes(run(random, 'x'));
      } else if (choice < 3) {
        out.writeBytes(dataLines(random));
      } else if (choice == 3) {
        out.write(random.nextInt(256));
      } else {
        out.writeBytes(PIECES[random.nextInt(PIECES.length)]);
      }
    }
    return out.toByteArray();
  }

  /** A long run of one byte: a huge field name or value, sometimes well past the default cap. */
  private static byte[] run(SplittableRandom random, char c) {
    byte[] bytes = new byte[random.nextInt(8) == 0 ? random.nextInt(20_000) : random.nextInt(400)];
    Arrays.fill(bytes, (byte) c);
    return bytes;
  }

  /** Many short data lines: an event that grows past its cap while each line stays small. */
  private static byte[] dataLines(SplittableRandom random) {
    byte[] line = ascii(random.nextBoolean() ? "data: 0123456789\n" : "data\r\n");
    int count = random.nextInt(random.nextInt(16) == 0 ? 5_000 : 64);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < count; i++) {
      out.writeBytes(line);
    }
    return out.toByteArray();
  }

  private static byte[] mutated(SplittableRandom random) {
    byte[] bytes = VALID.clone();
    int mutations = 1 + random.nextInt(6);
    for (int i = 0; i < mutations && bytes.length > 0; i++) {
      bytes = mutate(random, bytes);
    }
    return bytes;
  }

  private static byte[] mutate(SplittableRandom random, byte[] bytes) {
    int at = random.nextInt(bytes.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, at);
    switch (random.nextInt(4)) {
      case 0:
        out.write(bytes[at] ^ (1 << random.nextInt(8)));
        out.write(bytes, at + 1, bytes.length - at - 1);
        break;
      case 1:
        out.writeBytes(PIECES[random.nextInt(PIECES.length)]);
        out.write(bytes, at, bytes.length - at);
        break;
      case 2:
        int gone = Math.min(bytes.length - at, 1 + random.nextInt(8));
        out.write(bytes, at + gone, bytes.length - at - gone);
        break;
      default:
        out.write(bytes, at, bytes.length - at);
        out.write(bytes, at, bytes.length - at);
        break;
    }
    return out.toByteArray();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
