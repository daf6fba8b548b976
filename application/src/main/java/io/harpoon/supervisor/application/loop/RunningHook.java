package io.harpoon.supervisor.application.loop;

import io.harpoon.supervisor.domain.lifecycle.ContainerState;
import java.time.Instant;

/**
 * Called on the runtime worker (idle by then) each time a container's process has been taken on — started
 * or adopted — with the state as of {@code at}. The supervisor itself needs nothing here: it is where a
 * start-up speed device of the composition root (bootstrap's {@code StartPath}) may prepare the way down
 * while the container runs. It must not act on anything: no port, no event.
 */
@FunctionalInterface
public interface RunningHook {

  /** Does nothing. */
  RunningHook NONE = (running, at) -> { };

  void containerRunning(ContainerState running, Instant at);
}
