package io.harpoon.supervisor.adapters.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.harpoon.supervisor.adapters.json.JsonTrees;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Extracts what went wrong from a runtime's output: the error entries of its JSON log ({@code --log
 * FILE --log-format json}, one {@code {"level":..,"msg":..}} object per line, as runc and crun
 * write it), else the last lines of its stderr. Only the tail of a file is read, and only the last
 * few messages are kept, so a chatty runtime cannot flood the supervisor's state.
 */
final class RuntimeMessages {

  static final int MAX_MESSAGES = 5;

  /** The most a {@link #summary} holds: enough for runc's longest one-line errors. */
  static final int MAX_SUMMARY = 400;

  private static final int MAX_MESSAGE_LENGTH = 500;
  private static final int TAIL_BYTES = 64 * 1024;
  private static final Set<String> ERROR_LEVELS = Set.of("error", "fatal", "panic");

  private RuntimeMessages() {}

  /** Error messages from a JSON log; lines that are not JSON count as errors as they are. */
  static List<String> fromJsonLog(Path log) {
    List<String> messages = new ArrayList<>();
    for (String line : tailLines(log)) {
      Optional<JsonNode> entry = parse(line);
      if (entry.isEmpty()) {
        messages.add(line);
      } else if (ERROR_LEVELS.contains(entry.get().path("level").asText())) {
        messages.add(entry.get().path("msg").asText());
      }
    }
    return last(messages);
  }

  /**
   * The messages for an operator, at most {@link #MAX_SUMMARY} characters: the last one, which is
   * the runtime's conclusion (runc logs "runc create failed: ..." last), cut at the end if need be,
   * after as many of the ones before it as fit, joined by "; ".
   */
  static String summary(List<String> messages) {
    if (messages.isEmpty()) {
      return "";
    }
    String last = messages.get(messages.size() - 1);
    StringBuilder summary =
        new StringBuilder(
            last.length() > MAX_SUMMARY ? last.substring(0, MAX_SUMMARY - 3) + "..." : last);
    for (int i = messages.size() - 2; i >= 0; i--) {
      String earlier = messages.get(i);
      if (summary.length() + earlier.length() + 2 > MAX_SUMMARY) {
        break;
      }
      summary.insert(0, earlier + "; ");
    }
    return summary.toString();
  }

  /** The last non-blank lines of a text output. */
  static List<String> fromText(Path output) {
    return last(tailLines(output));
  }

  private static Optional<JsonNode> parse(String line) {
    if (!line.startsWith("{")) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(JsonTrees.read(line)).filter(JsonNode::isObject);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static List<String> last(List<String> messages) {
    List<String> kept = new ArrayList<>();
    for (String message :
        messages.subList(Math.max(0, messages.size() - MAX_MESSAGES), messages.size())) {
      String trimmed = message.strip();
      if (!trimmed.isEmpty()) {
        kept.add(
            trimmed.length() > MAX_MESSAGE_LENGTH
                ? trimmed.substring(0, MAX_MESSAGE_LENGTH) + "..."
                : trimmed);
      }
    }
    return kept;
  }

  private static List<String> tailLines(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, in.length() - TAIL_BYTES);
      byte[] tail = new byte[(int) (in.length() - start)];
      in.seek(start);
      in.readFully(tail);
      List<String> lines = new ArrayList<>();
      for (String line : new String(tail, StandardCharsets.UTF_8).split("\r?\n")) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
      return lines;
    } catch (IOException e) {
      return List.of();
    }
  }
}
