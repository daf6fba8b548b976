package io.harpoon.supervisor.adapters.config;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Hostile agent.json files: random bytes; the valid example cut at a random position; documents of
 * agent.json's shape whose keys come in any order, repeated or missing and whose values are hostile
 * leaves ({@link JsonLeaves}) or any JSON at all; such documents with bytes flipped, inserted or
 * deleted; and nesting thousands deep.
 */
final class AgentJsonFuzzInputs {

  /**
   * One file; {@code wellFormedEnv} tells that env values went in as whole JSON strings, so that
   * none of them may appear in a problem.
   */
  record Input(byte[] bytes, boolean wellFormedEnv) {}

  private static final String[] KEYS = {
    "product",
    "environment",
    "job",
    "artifact_url",
    "health_checks",
    "ports",
    "env",
    "command",
    "resources",
    "storage",
    "grace",
    "restart",
  };
  private static final byte[][] INSERTS = {
    {0},
    {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xFF},
    {'"'},
    {','},
    {'{'},
    {'}'},
    {'['},
    {']'},
    {':'},
    {'\\'},
    {'\n'},
  };

  private final byte[] example;

  AgentJsonFuzzInputs(byte[] example) {
    this.example = example.clone();
  }

  Input next(SplittableRandom random) {
    int kind = random.nextInt(20);
    if (kind < 2) {
      byte[] bytes = new byte[random.nextInt(1_024)];
      random.nextBytes(bytes);
      return new Input(bytes, false);
    }
    if (kind < 4) {
      return new Input(Arrays.copyOf(example, random.nextInt(example.length + 1)), false);
    }
    if (kind < 14) {
      return new Input(document(random), true);
    }
    if (kind < 19) {
      byte[] base = random.nextInt(4) == 0 ? example : document(random);
      return new Input(mutated(random, base), false);
    }
    return new Input(random.nextInt(20) == 0 ? huge(random) : deep(random), false);
  }

  private static byte[] document(SplittableRandom random) {
    JsonText out = new JsonText(random);
    out.raw(random.nextInt(50) == 0 ? "\uFEFF" : "");
    out.fields(KEYS, key -> member(out, key));
    return out.bytes();
  }

  private static void member(JsonText out, String key) {
    if (out.random().nextInt(50) == 0) {
      out.anyValue(3);
      return;
    }
    switch (key) {
      case "health_checks":
        out.array(() -> out.anyValue(4));
        break;
      case "ports":
        out.map(LeafRole.NAME, () -> out.leaf(LeafRole.PORT));
        break;
      case "env":
        out.map(LeafRole.NAME, () -> out.leaf(LeafRole.SECRET));
        break;
      case "command":
        out.fields(new String[] {"working_dir", "exec"}, f -> commandField(out, f));
        break;
      case "resources":
        out.fields(new String[] {"mem", "cpu", "fd"}, f -> out.leaf(resource(f)));
        break;
      case "storage":
        out.fields(new String[] {"tmp", "volumes"}, f -> storageField(out, f));
        break;
      case "grace":
        out.fields(new String[] {"startup", "shutdown"}, f -> out.leaf(LeafRole.DURATION));
        break;
      case "restart":
        out.leaf(LeafRole.RESTART);
        break;
      default:
        out.leaf(LeafRole.LABEL);
        break;
    }
  }

  private static LeafRole resource(String field) {
    switch (field) {
      case "mem":
        return LeafRole.MEMORY;
      case "cpu":
        return LeafRole.CPU;
      default:
        return LeafRole.FILES;
    }
  }

  private static void commandField(JsonText out, String field) {
    if (field.equals("exec")) {
      out.array(() -> out.leaf(LeafRole.ARG));
    } else {
      out.leaf(LeafRole.WORKING_DIR);
    }
  }

  private static void storageField(JsonText out, String field) {
    if (field.equals("tmp")) {
      out.map(LeafRole.MOUNT_TARGET, () -> out.leaf(LeafRole.TMP_SIZE));
    } else {
      out.map(LeafRole.MOUNT_TARGET, () -> out.leaf(LeafRole.HOST_PATH));
    }
  }

  private static byte[] mutated(SplittableRandom random, byte[] base) {
    byte[] bytes = base;
    int mutations = 1 + random.nextInt(4);
    for (int i = 0; i < mutations && bytes.length > 0; i++) {
      int at = random.nextInt(bytes.length);
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 4);
      out.write(bytes, 0, at);
      int choice = random.nextInt(3);
      if (choice == 0) {
        out.write(bytes[at] ^ (1 << random.nextInt(8)));
      } else if (choice == 1) {
        out.writeBytes(INSERTS[random.nextInt(INSERTS.length)]);
        out.write(bytes[at]);
      }
      out.write(bytes, at + 1, bytes.length - at - 1);
      bytes = out.toByteArray();
    }
    return bytes;
  }

  /**
   * One string of 50 to 150 thousand characters, or one in 25 times just past the parser's 1 MiB
   * cap, as a key or a value where validation will quote it back.
   */
  private static byte[] huge(SplittableRandom random) {
    int length =
        random.nextInt(25) == 0 ? (1 << 20) + random.nextInt(16) : 50_000 + random.nextInt(100_000);
    byte[] text = JsonLeaves.filled(random, length);
    String[] frames = {
      "{\"restart\":%s}",
      "{\"storage\":{\"tmp\":{%s:1}}}",
      "{\"env\":{%s:\"v\"}}",
      "{\"command\":{\"working_dir\":%s}}",
      "{\"grace\":{\"startup\":%s}}"
    };
    String[] parts = frames[random.nextInt(frames.length)].split("%s");
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + 64);
    out.writeBytes(JsonLeaves.utf8(parts[0]));
    out.writeBytes(text);
    out.writeBytes(JsonLeaves.utf8(parts[1]));
    return out.toByteArray();
  }

  /** Nesting far past the parser's depth cap, closed or not, in a value or at the top. */
  private static byte[] deep(SplittableRandom random) {
    int depth = random.nextInt(8) == 0 ? 10_000 : random.nextInt(200);
    boolean arrays = random.nextBoolean();
    String prefix = random.nextBoolean() ? "{\"health_checks\":" : "";
    StringBuilder text = new StringBuilder(prefix);
    text.append((arrays ? "[" : "{\"a\":").repeat(depth)).append(random.nextBoolean() ? "1" : "");
    if (random.nextBoolean()) {
      text.append((arrays ? "]" : "}").repeat(depth));
    }
    text.append(prefix.isEmpty() ? "" : "}");
    return JsonLeaves.utf8(text.toString());
  }
}
