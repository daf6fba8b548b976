package io.harpoon.supervisor.adapters.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.harpoon.supervisor.adapters.json.JsonTrees;
import io.harpoon.supervisor.application.port.out.ContainerRuntime.Leftover;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.WaitStatus;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * How a runtime command ended: its wait status, its stdout when captured, and the error messages it
 * left (see {@link RuntimeMessages}).
 */
record RuntimeResult(WaitStatus status, String stdout, List<String> errors) {

  // A "created" container never ran its command: its supervisor died mid-start, so it is cleaned up
  // and started afresh rather than taken over.
  private static final Set<String> ALIVE = Set.of("running", "paused", "pausing");

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
    return errors.isEmpty() ? how : how + ": " + RuntimeMessages.summary(errors);
  }

  /**
   * The container {@code id} as the stdout of {@code state} describes it: {@code
   * {"id":..,"pid":..,"status":"created|running|paused|stopped","bundle":..}}. The bundle says which run
   * directory the container belongs to: one of another run directory with the same id is never taken
   * over.
   */
  Leftover leftover(ContainerId id) throws IOException {
    JsonNode state = JsonTrees.read(stdout);
    if (state == null) {
      throw new IOException("empty state");
    }
    int pid = state.path("pid").asInt(0);
    String bundle = state.path("bundle").asText("");
    if (bundle.isEmpty()) {
      throw new IOException("the runtime's state of " + id + " names no bundle");
    }
    return new Leftover(id, ALIVE.contains(state.path("status").asText()) && pid > 0 ? pid : 0,
        java.nio.file.Path.of(bundle));
  }
}
