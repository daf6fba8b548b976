package io.harpoon.supervisor.adapters.runtime;

import io.harpoon.supervisor.domain.container.WaitStatus;
import java.util.List;

/**
 * How a runtime command ended: its wait status, its stdout when captured, and the error messages it
 * left (see {@link RuntimeMessages}).
 */
record RuntimeResult(WaitStatus status, String stdout, List<String> errors) {

  RuntimeResult {
    errors = List.copyOf(errors);
  }

  /** Whether the command exited with status 0. */
  boolean succeeded() {
    return status.equals(new WaitStatus.Exited(0));
  }

  /** Whether an error message says the container is unknown to the runtime. */
  boolean containerMissing() {
    for (String error : errors) {
      // runc: "container does not exist"; crun: "error opening file `/run/crun/ID/status`: No such
      // file..."
      if (error.contains("does not exist") || error.contains("No such file or directory")) {
        return true;
      }
    }
    return false;
  }

  /** The status and messages in words, for an operator. */
  String describe() {
    String how;
    if (status instanceof WaitStatus.Exited) {
      how = "exited with status " + ((WaitStatus.Exited) status).code();
    } else if (status instanceof WaitStatus.Signaled) {
      how = "was killed by signal " + ((WaitStatus.Signaled) status).signal();
    } else {
      how = "ended in an unknown way";
    }
    return errors.isEmpty() ? how : how + ": " + String.join("; ", errors);
  }
}
