package io.harpoon.supervisor.bootstrap.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import io.harpoon.supervisor.adapters.control.SseEncoder;
import io.harpoon.supervisor.adapters.control.SseEvent;
import io.harpoon.supervisor.adapters.json.JsonTrees;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.io.IOException;

/**
 * Reads the events a supervisor sends with the supervisor's own JSON configuration and wire records,
 * so this client accepts what the server writes. Anything that does not decode is a protocol
 * violation.
 */
final class Frames {

  private static final int QUOTE_CHARS = 80;

  private Frames() {}

  /** The meaning of {@code event}; throws {@link ExitCode#NOT_A_SUPERVISOR} for malformed data. */
  static Incoming read(SseEvent event) throws CtlException {
    switch (event.type()) {
      case SseEncoder.STATE:
        return new Incoming.State(state(event.data()), event.data());
      case SseEncoder.ERROR:
        return refusal(event.data());
      case SseEncoder.STATUS:
        // An extension: a status this client cannot read is left out, never fatal.
        return StatusReport.parse(event.data())
            .<Incoming>map(Incoming.Status::new)
            .orElseGet(() -> new Incoming.Other(event.type()));
      default:
        return new Incoming.Other(event.type());
    }
  }

  private static ContainerProcessState state(String data) throws CtlException {
    return StateTree.decode(data).orElseThrow(
        () -> notAState("a state event whose data is not a container state", data));
  }

  private static Incoming refusal(String data) throws CtlException {
    try {
      JsonNode reply = JsonTrees.read(data);
      if (reply != null && reply.path("command").isTextual() && reply.path("error").isTextual()) {
        return new Incoming.Refusal(reply.get("command").asText(), reply.get("error").asText());
      }
    } catch (IOException | RuntimeException malformed) {
      // Reported below, like any other malformed reply.
    }
    throw notAState("an error event whose data is not {\"command\":..,\"error\":..}", data);
  }

  /**
   * A protocol violation, quoting the start of what arrived so the operator can tell what answers.
   */
  static CtlException notAState(String what, String data) {
    String quoted = data.length() > QUOTE_CHARS ? data.substring(0, QUOTE_CHARS) + "..." : data;
    return new CtlException(
        ExitCode.NOT_A_SUPERVISOR,
        "not a supervisor: received " + what + ": " + Printable.text(quoted));
  }
}
