package io.harpoon.supervisor.adapters.control;

import com.fasterxml.jackson.core.JsonGenerator;
import io.harpoon.supervisor.adapters.json.Json;
import java.io.IOException;
import java.io.StringWriter;

/**
 * The data of an {@code event: error} reply, {@code {"command":...,"error":...}}: the command as the
 * client named it, and why it failed. Written with the streaming generator: the control server
 * encodes its "too many clients" reply while binding the socket, on the start path.
 */
final class ErrorReplyJson {

  private ErrorReplyJson() {}

  static String encode(String command, String error) {
    StringWriter text = new StringWriter(96);
    try (JsonGenerator out = Json.factory().createGenerator(text)) {
      out.writeStartObject();
      out.writeStringField("command", command);
      out.writeStringField("error", error);
      out.writeEndObject();
    } catch (IOException e) {
      throw new AssertionError("writing to a string cannot fail", e);
    }
    return text.toString();
  }
}
