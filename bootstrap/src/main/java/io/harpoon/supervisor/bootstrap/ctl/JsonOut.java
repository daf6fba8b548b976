package io.harpoon.supervisor.bootstrap.ctl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harpoon.supervisor.adapters.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The {@code --json} output: the state's JSON as the supervisor sent it (same keys, same order), with
 * its status report under {@code "status"} when there is one, so scripts written for the state keep
 * working. Written compact, one document per line, with every character {@link Printable} finds
 * unsafe escaped as {@code \}{@code uXXXX} (JSON escapes C0 controls anyway; C1 controls and the
 * bidirectional overrides it would write as they are).
 */
final class JsonOut {

  private static final ObjectWriter WRITER = Json.mapper().writer().with(new SafeEscapes());

  private JsonOut() {}

  /** The state and its report as one object. */
  static ObjectNode snapshot(Snapshot snapshot) {
    ObjectNode out = Json.mapper().createObjectNode();
    try {
      JsonNode state = Json.mapper().readTree(snapshot.state().json());
      if (state != null && state.isObject()) {
        out.setAll((ObjectNode) state);
      }
    } catch (IOException decodedBefore) {
      throw new UncheckedIOException("the state decoded once already", decodedBefore);
    }
    snapshot.report().ifPresent(report -> out.set("status", report.json()));
    return out;
  }

  /** {@code node} as one line of compact JSON, terminal-safe. */
  static String text(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a tree always serializes", e);
    }
  }

  /** Jackson's standard escapes, plus every non-ASCII character a terminal could act on. */
  private static final class SafeEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    SafeEscapes() {
      ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
      return Printable.unsafe(c) ? new SerializedString(String.format("\\u%04x", c)) : null;
    }
  }
}
