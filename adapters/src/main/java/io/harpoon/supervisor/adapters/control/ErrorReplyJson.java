package io.harpoon.supervisor.adapters.control;

import io.harpoon.supervisor.adapters.json.Json;

/**
 * The data of an {@code event: error} reply, {@code {"command":...,"error":...}}: the command as the
 * client named it, and why it failed. Written with the streaming generator: the control server
 * encodes its "too many clients" reply while binding the socket, on the start path.
 */
final class ErrorReplyJson {

  private ErrorReplyJson() {}

  static String encode(String command, String error) {
    return Json.text(out -> {
      out.writeStartObject();
      out.writeStringField("command", command);
      out.writeStringField("error", error);
      out.writeEndObject();
    });
  }
}
