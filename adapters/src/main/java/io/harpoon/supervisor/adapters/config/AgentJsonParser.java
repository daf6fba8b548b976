package io.harpoon.supervisor.adapters.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.harpoon.supervisor.adapters.json.Json;
import io.harpoon.supervisor.adapters.json.JsonTrees;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Parses agent.json's bytes into a tree with the shared streaming factory, whose limits (nesting, number and
 * string length) bound what a hostile file can cost. Stricter than Go's decoder on one point: a key
 * given twice is a problem, since which of the two was meant is unknowable.
 */
final class AgentJsonParser {

  private static final int MAX_DETAIL = 200;

  private AgentJsonParser() {}

  /** The root object, or empty with the reason added to {@code problems}. */
  static Optional<JsonNode> parse(byte[] bytes, List<String> problems) {
    try (JsonParser parser = Json.factory().createParser(bytes)) {
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonNode root = JsonTrees.read(parser);
      return checked(root, parser, problems);
    } catch (StreamConstraintsException e) {
      problems.add("agent.json: not accepted: " + detail(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      problems.add(
          "agent.json: not valid JSON"
              + at(e.getLocation())
              + ": "
              + detail(e.getOriginalMessage()));
    } catch (IOException e) {
      problems.add("agent.json: cannot be read: " + detail(e.getMessage()));
    }
    return Optional.empty();
  }

  /** {@code root} if it is an object and alone in the file. */
  private static Optional<JsonNode> checked(JsonNode root, JsonParser parser, List<String> problems)
      throws IOException {
    if (root == null || root.isMissingNode()) {
      problems.add("agent.json: is empty");
    } else if (parser.nextToken() != null) {
      problems.add(
          "agent.json: unexpected content after the JSON value" + at(parser.currentLocation()));
    } else if (!root.isObject()) {
      problems.add("agent.json: expected a JSON object, found " + JsonFields.describe(root));
    } else {
      return Optional.of(root);
    }
    return Optional.empty();
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** Jackson's message without its pointer to the Java setting, kept to one short line. */
  private static String detail(String message) {
    String text =
        String.valueOf(message)
            .replaceAll(",? from `[^`]*`", "")
            .replaceAll("[\\p{Cc}\\u2028\\u2029]", " ");
    return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text;
  }
}
