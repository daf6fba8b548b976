package io.harpoon.supervisor.adapters.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the small text files of a cgroup. A cgroup may vanish between two reads (the container was
 * removed), so every failure, I/O or parse, is an empty result, never an exception.
 */
final class CgroupFiles {

  /** Interface files are a few lines; anything bigger is not one. */
  private static final long MAX_FILE_BYTES = 64 * 1024;

  private CgroupFiles() {}

  /** The whole file as text, or empty when it cannot be read. */
  static Optional<String> read(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length > MAX_FILE_BYTES) {
        return Optional.empty();
      }
      return Optional.of(new String(bytes, StandardCharsets.US_ASCII));
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** A file holding one non-negative decimal number, such as {@code memory.usage_in_bytes}. */
  static OptionalLong readNumber(Path file) {
    return read(file).map(text -> parse(text.trim())).orElse(OptionalLong.empty());
  }

  /**
   * The value of {@code key} in a flat-keyed file ({@code key value} per line), such as {@code
   * cpu.stat}, {@code memory.events} or v1's {@code memory.oom_control}.
   */
  static OptionalLong readKey(Path file, String key) {
    Optional<String> text = read(file);
    if (text.isEmpty()) {
      return OptionalLong.empty();
    }
    for (String line : text.get().split("\n")) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length == 2 && fields[0].equals(key)) {
        return parse(fields[1]);
      }
    }
    return OptionalLong.empty();
  }

  /** A non-negative decimal number, or empty. */
  static OptionalLong parse(String text) {
    try {
      long value = Long.parseLong(text);
      return value >= 0 ? OptionalLong.of(value) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
