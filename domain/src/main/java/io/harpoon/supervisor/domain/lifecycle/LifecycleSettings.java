package io.harpoon.supervisor.domain.lifecycle;

import io.harpoon.supervisor.domain.restart.Backoff;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * The parts of the config and command line that steer the lifecycle.
 *
 * @param policy when a container that went down on its own is started again
 * @param startupGrace how long the runtime may take to start the container before it is given up
 * @param shutdownGrace how long a stopped container may take to exit before it is killed
 * @param backoff delays between restarts
 */
public record LifecycleSettings(
    RestartPolicy policy, Duration startupGrace, Duration shutdownGrace, Backoff backoff) {

  public LifecycleSettings {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(startupGrace, "startupGrace");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(backoff, "backoff");
  }
}
