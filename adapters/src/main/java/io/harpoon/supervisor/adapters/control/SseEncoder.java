package io.harpoon.supervisor.adapters.control;

import io.harpoon.supervisor.adapters.json.StateJson;
import io.harpoon.supervisor.adapters.json.StatusJson;
import io.harpoon.supervisor.application.port.in.ContainerStatus;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Frames events the supervisor sends on the control socket. Pure functions from values to the exact
 * bytes on the wire: {@code event: TYPE\ndata: LINE\n...\n} with LF line ends, as the original did.
 */
public final class SseEncoder {

  /** The event type of a state frame. */
  public static final String STATE = "state";
  /** The event type of a reply to a refused or unknown command. */
  public static final String ERROR = "error";
  /**
   * The type of the additive status event (docs/protocol.md), and of the request a client sends to
   * receive it; clients that do not ask never see one.
   */
  public static final String STATUS = "status";

  private SseEncoder() {}

  /** {@code event: state} with the compact JSON of {@code state}. */
  public static byte[] state(ContainerProcessState state) {
    return frame(STATE, StateJson.encode(state));
  }

  /** {@code event: status} with what {@code status} adds to the state, and the supervisor's pid. */
  public static byte[] status(Optional<ContainerStatus> status, long supervisorPid) {
    return frame(STATUS, StatusJson.encode(status, supervisorPid));
  }

  /** {@code event: error} with {@code {"command":...,"error":...}}, JSON-escaped. */
  public static byte[] error(String command, String error) {
    return frame(ERROR, ErrorReplyJson.encode(command, error));
  }

  /**
   * One event: the type line, one {@code data:} line per line of {@code data} (CR, LF and CRLF all split
   * lines, so a receiver rebuilds {@code data} with LF), and the empty line that ends the event.
   */
  public static byte[] frame(String type, String data) {
    if (type.indexOf('\n') >= 0 || type.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("an event type cannot span lines: " + type);
    }
    StringBuilder frame = new StringBuilder(type.length() + data.length() + 16);
    frame.append("event: ").append(type).append('\n');
    appendDataLines(frame, data);
    return frame.append('\n').toString().getBytes(StandardCharsets.UTF_8);
  }

  /** {@code data:} lines, split by hand: a state's compact JSON is one line, and a regex per frame cost 5×. */
  private static void appendDataLines(StringBuilder frame, String data) {
    int start = 0;
    for (int i = 0; i < data.length(); i++) {
      char c = data.charAt(i);
      if (c == '\r' || c == '\n') {
        frame.append("data: ").append(data, start, i).append('\n');
        if (c == '\r' && i + 1 < data.length() && data.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    frame.append("data: ").append(data, start, data.length()).append('\n');
  }
}
