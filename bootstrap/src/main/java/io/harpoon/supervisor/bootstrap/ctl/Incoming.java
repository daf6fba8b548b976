package io.harpoon.supervisor.bootstrap.ctl;

import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.util.Objects;

/** What the next read from the control socket brought. */
sealed interface Incoming {

  /** An {@code event: state}: the decoded state and its JSON exactly as sent. */
  record State(ContainerProcessState state, String json) implements Incoming {
    public State {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(json, "json");
    }
  }

  /**
   * An {@code event: error}: the supervisor refused {@code command} (empty for the connection
   * itself).
   */
  record Refusal(String command, String error) implements Incoming {
    public Refusal {
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(error, "error");
    }
  }

  /** An {@code event: status}: what the state does not say (docs/protocol.md). */
  record Status(StatusReport report) implements Incoming {
    public Status {
      Objects.requireNonNull(report, "report");
    }
  }

  /** An event of a type this client does not know; newer supervisors may send more kinds. */
  record Other(String type) implements Incoming {
    public Other {
      Objects.requireNonNull(type, "type");
    }
  }

  /** The supervisor closed the connection. */
  record Closed() implements Incoming {}

  /** Nothing arrived before the deadline. */
  record Silence() implements Incoming {}
}
