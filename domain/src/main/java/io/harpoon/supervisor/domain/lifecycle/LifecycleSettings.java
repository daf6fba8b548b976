package io.harpoon.supervisor.domain.lifecycle;

import io.harpoon.supervisor.domain.container.ConfigValidation;
import io.harpoon.supervisor.domain.container.ContainerConfig;
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

  /**
   * The least time the runtime gets to create and start the container, whatever grace.startup says:
   * runc needs ~40 ms, but on a loaded host the supervisor's own first start (class loading, native
   * bindings) can take a second, and a first start given up is final.
   */
  public static final Duration MIN_STARTUP_GRACE = Duration.ofSeconds(5);

  /** The rules of a validated config: its policy and graces (the startup grace raised to the floor). */
  public static LifecycleSettings of(ContainerConfig config, Backoff backoff) {
    Duration startup = config.grace().startup().compareTo(MIN_STARTUP_GRACE) < 0
        ? MIN_STARTUP_GRACE : config.grace().startup();
    return new LifecycleSettings(config.restart(), startup, config.grace().shutdown(), backoff);
  }

  /** The rules of a supervisor whose config was rejected: nothing will run, the defaults hold. */
  public static LifecycleSettings ofRejectedConfig(Backoff backoff) {
    return new LifecycleSettings(RestartPolicy.NO, ConfigValidation.DEFAULT_STARTUP_GRACE,
        ConfigValidation.DEFAULT_SHUTDOWN_GRACE, backoff);
  }

  public LifecycleSettings {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(startupGrace, "startupGrace");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(backoff, "backoff");
  }
}
