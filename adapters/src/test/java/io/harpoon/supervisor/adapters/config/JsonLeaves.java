package io.harpoon.supervisor.adapters.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Hostile JSON tokens for agent.json's leaves, as raw bytes (some are not valid JSON or not valid
 * UTF-8 on purpose): numbers at and past every limit, strings with NULs, lone surrogates (escaped
 * and raw), invalid UTF-8, control characters, traversal and relative paths, near-miss durations
 * and policies, and long strings.
 */
final class JsonLeaves {

  /** Marks env values: it must never show up in a problem (values may be secrets). */
  static final String CANARY = "s3cr3t-canary";

  private static final String[] NUMBERS = {
    "0",
    "-0",
    "-0.0",
    "0.0",
    "1",
    "-1",
    "64",
    "1.5",
    "0.5",
    "1e400",
    "-1e400",
    "1e-400",
    "1E3",
    "2e2",
    "99999999999999999999",
    "-99999999999999999999",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "-9223372036854775809",
    "4096",
    "1048576",
    "1048577",
    "65535",
    "65536",
    "4097",
    "1073741824",
    "1073741825",
    "17592186044415",
    "17592186044416",
    "NaN",
    "Infinity",
    "-Infinity",
    "01",
    "+1",
    "1.",
    ".5",
    "0x10",
    "1e",
    "-",
  };

  private static final String[] STRINGS = {
    "\"\"",
    "\"/\"",
    "\"//\"",
    "\"/a\"",
    "\"/scratch\"",
    "\"..\"",
    "\"/..\"",
    "\"/../etc\"",
    "\"/a/../../b\"",
    "\"/a/..\"",
    "\"a/b\"",
    "\"./a\"",
    "\"/./\"",
    "\"/.\"",
    "\"//./.\"",
    "\"/a/.\"",
    "\"\\\\..\\\\x\"",
    "\"/tmp\\u0000x\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"\\udc00\\ud800\"",
    "\"\\uDFFF\"",
    "\"\\n\"",
    "\"a\\r\\nb\"",
    "\"\\u001b[31m\"",
    "\"\\u2028\"",
    "\"é\"",
    "\"\uD83D\uDE00\"",
    "\"no\"",
    "\"on-failure\"",
    "\"always\"",
    "\"Always\"",
    "\"on_failure\"",
    "\" no\"",
    "\"250ms\"",
    "\"5s\"",
    "\"1m30s\"",
    "\"0\"",
    "\"0s\"",
    "\"-1s\"",
    "\"1.5h\"",
    "\"2h\"",
    "\"1h0m0.000000001s\"",
    "\"1e3s\"",
    "\".5s\"",
    "\"5\"",
    "\"ms\"",
    "\"9999999999999999h\"",
    "\"1µs\"",
    "\"1μs\"",
    "\"1s1s\"",
    "\"../../../../etc/passwd\"",
    "\"/proc/self/root\"",
    "\"=\"",
    "\"A=B\"",
    "\"PATH\"",
    "\"/bin/sh -c 'rm -rf /'\"",
    "\"$(reboot)\"",
  };

  private static final byte[][] RAW_STRINGS = {
    {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},
    {'"', (byte) 0xC3, (byte) 0x28, '"'},
    {'"', (byte) 0xFF, '"'},
    {'"', (byte) 0xC0, (byte) 0xAF, '"'},
    {'"', '/', 0, 'x', '"'},
    {'"', '\n', '"'},
    {'"', (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '"'},
  };

  private JsonLeaves() {}

  static byte[] number(SplittableRandom random) {
    if (random.nextInt(4) == 0) {
      return utf8(Long.toString(random.nextLong(-70_000, 70_000)));
    }
    if (random.nextInt(16) == 0) {
      return utf8("9".repeat(55 + random.nextInt(20)));
    }
    return utf8(NUMBERS[random.nextInt(NUMBERS.length)]);
  }

  static byte[] string(SplittableRandom random) {
    int choice = random.nextInt(32);
    if (choice < 2) {
      return RAW_STRINGS[random.nextInt(RAW_STRINGS.length)];
    }
    if (choice == 2 && random.nextInt(4) == 0) {
      return longString(random);
    }
    if (choice == 3) {
      return utf8("\"/" + "a/".repeat(random.nextInt(500)) + "\"");
    }
    return utf8(STRINGS[random.nextInt(STRINGS.length)]);
  }

  /** An env value: a string carrying the canary, sometimes with a NUL or escapes. */
  static byte[] secret(SplittableRandom random) {
    String[] tails = {"", "\\u0000", "\\n", "=x", "\\ud800", "é"};
    return utf8("\"" + CANARY + random.nextInt(1000) + tails[random.nextInt(tails.length)] + "\"");
  }

  /** A string of up to 5 000 characters of one kind. */
  private static byte[] longString(SplittableRandom random) {
    return filled(random, random.nextInt(5_000));
  }

  /** A JSON string of {@code length} copies of one of {@code x / .}. */
  static byte[] filled(SplittableRandom random, int length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(length + 2);
    out.write('"');
    byte fill = (byte) "x/.".charAt(random.nextInt(3));
    for (int i = 0; i < length; i++) {
      out.write(fill);
    }
    out.write('"');
    return out.toByteArray();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
