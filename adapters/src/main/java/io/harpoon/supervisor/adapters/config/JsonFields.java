package io.harpoon.supervisor.adapters.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Lenient typed reads from a JSON tree. A value of the wrong type is recorded as a problem naming
 * its key and the expected type, and the caller gets the default (empty, zero) so that decoding
 * goes on and every problem is found in one pass. A JSON {@code null} member counts as absent, as
 * Go's decoder treats it; a {@code null} inside a map or list is a wrong type.
 */
final class JsonFields {

  private static final int MAX_SHOWN = 64;

  private final List<String> problems;

  JsonFields(List<String> problems) {
    this.problems = problems;
  }

  /** The member {@code key} of {@code object}, empty when absent or {@code null}. */
  static Optional<JsonNode> member(JsonNode object, String key) {
    JsonNode value = object.path(key);
    return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  /** A nested object; {@link MissingNode} (which reads as empty) when absent or not an object. */
  JsonNode object(JsonNode parent, String key, String path) {
    Optional<JsonNode> value = member(parent, key);
    if (value.isPresent() && !value.get().isObject()) {
      wrongType(path, "an object", value.get());
      return MissingNode.getInstance();
    }
    return value.orElse(MissingNode.getInstance());
  }

  String text(JsonNode parent, String key, String path) {
    return member(parent, key).map(value -> textValue(value, path, "")).orElse("");
  }

  long integer(JsonNode parent, String key, String path) {
    return member(parent, key).flatMap(value -> integer(value, path)).orElse(0L);
  }

  /** A finite number, such as {@code resources.cpu}. */
  double number(JsonNode parent, String key, String path) {
    Optional<JsonNode> value = member(parent, key);
    if (value.isEmpty()) {
      return 0;
    }
    if (!value.get().isNumber()) {
      wrongType(path, "a number", value.get());
      return 0;
    }
    double number = value.get().doubleValue();
    if (!Double.isFinite(number)) {
      problems.add(path + ": the number is out of range");
      return 0;
    }
    return number;
  }

  Map<String, String> textMap(JsonNode parent, String key, String path) {
    return map(parent, key, path, (value, entryPath) -> textValue(value, entryPath, null));
  }

  Map<String, Long> integerMap(JsonNode parent, String key, String path) {
    return map(parent, key, path, (value, entryPath) -> integer(value, entryPath).orElse(null));
  }

  /** The entries of object {@code key} whose values {@code read} accepts (non-null). */
  private <T> Map<String, T> map(
      JsonNode parent, String key, String path, BiFunction<JsonNode, String, T> read) {
    Map<String, T> entries = new LinkedHashMap<>();
    object(parent, key, path)
        .properties()
        .forEach(
            entry -> {
              T value = read.apply(entry.getValue(), path + " " + quoted(entry.getKey()));
              if (value != null) {
                entries.put(entry.getKey(), value);
              }
            });
    return entries;
  }

  private String textValue(JsonNode value, String path, String fallback) {
    if (value.isTextual()) {
      return value.textValue();
    }
    wrongType(path, "a string", value);
    return fallback;
  }

  /** An integral number that fits a {@code long}: 64 is one, 64.0, 1e3 and 2^64 are not. */
  Optional<Long> integer(JsonNode value, String path) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return Optional.of(value.longValue());
    }
    if (value.isIntegralNumber()) {
      problems.add(path + ": " + shown(value.asText()) + " is out of range");
    } else {
      wrongType(path, "an integer", value);
    }
    return Optional.empty();
  }

  void wrongType(String path, String expected, JsonNode found) {
    problems.add(path + ": expected " + expected + ", found " + describe(found));
  }

  /** What a value is, in words; numbers are shown (the parser caps their length). */
  static String describe(JsonNode value) {
    switch (value.getNodeType()) {
      case STRING:
        return "a string";
      case NUMBER:
        return value.isIntegralNumber() || Double.isFinite(value.doubleValue())
            ? shown(value.asText())
            : "a number out of range";
      case BOOLEAN:
        return value.asText();
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      default:
        return "null";
    }
  }

  /**
   * A key as it appears in a problem: quoted, cut short, control characters (C0 and C1) and Unicode
   * line separators replaced, so a problem stays one line wherever it is shown.
   */
  static String quoted(String key) {
    return "'" + shown(key) + "'";
  }

  private static String shown(String text) {
    String cut = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text;
    return cut.replaceAll("[\\p{Cc}\\u2028\\u2029]", "?");
  }
}
