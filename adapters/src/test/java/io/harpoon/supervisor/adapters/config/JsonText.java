package io.harpoon.supervisor.adapters.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes random JSON text as bytes, so that tokens which are not valid JSON (raw NULs, invalid
 * UTF-8, {@code NaN}) and repeated keys can be placed anywhere a generator wants them. How hostile
 * the leaves are is drawn once per document, from never to often, and keys repeat in one document
 * in twenty: most documents then parse, and many validate.
 */
final class JsonText {

  private static final double[] HOSTILITY = {0.0, 0.02, 0.1, 0.4};
  private static final String[] NAMES = {
    "\"PATH\"",
    "\"GREETING\"",
    "\"HTTP\"",
    "\"A=B\"",
    "\"\"",
    "\"\\u0000\"",
    "\"X\\nY\"",
    "\"é\"",
    "\"=\"",
    "\"\\ud800\"",
    "\"a b\"",
  };

  private final SplittableRandom random;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final double hostility;
  private final boolean repeats;

  JsonText(SplittableRandom random) {
    this.random = random;
    this.hostility = HOSTILITY[random.nextInt(HOSTILITY.length)];
    this.repeats = random.nextInt(20) == 0;
  }

  SplittableRandom random() {
    return random;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  void raw(String text) {
    out.writeBytes(JsonLeaves.utf8(text));
  }

  /** A value for {@code role}: a fine one, or at this document's rate a hostile one. */
  void leaf(LeafRole role) {
    out.writeBytes(leafBytes(role));
  }

  /** An array of a few elements (sometimes many). */
  void array(Runnable element) {
    raw("[");
    int count = count();
    for (int i = 0; i < count; i++) {
      raw(i == 0 ? "" : ",");
      element.run();
    }
    raw("]");
  }

  /** A map of a few entries (sometimes many) whose keys are {@code role} leaves. */
  void map(LeafRole keys, Runnable value) {
    object(() -> leafBytes(keys), value);
  }

  /**
   * An object with members named from {@code names} in any order, some missing, some repeated in
   * documents that allow it, and now and then an unknown key with any value.
   */
  void fields(String[] names, Consumer<String> value) {
    raw("{");
    List<String> order = new ArrayList<>(Arrays.asList(names));
    Collections.shuffle(order, new Random(random.nextLong()));
    int count = random.nextInt(names.length + 1);
    for (int i = 0; i < count; i++) {
      raw(i == 0 ? "" : ",");
      if (random.nextInt(12) == 0) {
        raw("\"unknown" + i + "\":");
        anyValue(2);
      } else {
        String name = repeats ? names[random.nextInt(names.length)] : order.get(i);
        raw("\"" + name + "\":");
        value.accept(name);
      }
    }
    raw("}");
  }

  /** Any JSON value, nested at most {@code depth} deep. */
  void anyValue(int depth) {
    int choice = random.nextInt(depth > 0 ? 8 : 6);
    if (choice == 0) {
      raw(random.nextBoolean() ? "true" : "false");
    } else if (choice == 1) {
      raw("null");
    } else if (choice < 4) {
      out.writeBytes(JsonLeaves.number(random));
    } else if (choice < 6) {
      out.writeBytes(JsonLeaves.string(random));
    } else if (choice == 6) {
      array(() -> anyValue(depth - 1));
    } else {
      object(this::name, () -> anyValue(depth - 1));
    }
  }

  private byte[] leafBytes(LeafRole role) {
    if (role == LeafRole.SECRET) {
      return JsonLeaves.secret(random);
    }
    if (random.nextDouble() >= hostility) {
      return JsonLeaves.utf8(role.fine(random.nextInt(64)));
    }
    if (role == LeafRole.NAME) {
      return name();
    }
    return random.nextBoolean() ? JsonLeaves.string(random) : JsonLeaves.number(random);
  }

  private byte[] name() {
    return random.nextInt(4) == 0
        ? JsonLeaves.string(random)
        : JsonLeaves.utf8(NAMES[random.nextInt(NAMES.length)]);
  }

  /** An object whose keys come from {@code key}; a repeated key is dropped unless allowed. */
  private void object(Supplier<byte[]> key, Runnable value) {
    raw("{");
    Set<String> seen = new HashSet<>();
    boolean first = true;
    int count = count();
    for (int i = 0; i < count; i++) {
      byte[] name = key.get();
      if (!seen.add(new String(name, StandardCharsets.ISO_8859_1)) && !repeats) {
        continue;
      }
      raw(first ? "" : ",");
      first = false;
      out.writeBytes(name);
      raw(":");
      value.run();
    }
    raw("}");
  }

  private int count() {
    return random.nextInt(30) == 0 ? random.nextInt(200) : random.nextInt(5);
  }
}
