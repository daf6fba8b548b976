package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.at;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.command;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.exitedWith;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.spawned;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.began;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.nothingFound;

import io.harpoon.supervisor.domain.restart.Backoff;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.time.Duration;

/**
 * States in each phase, reached through real events from the initial state (never hand-built), so a
 * test's "given" is a state the lifecycle can actually be in. The clock: start at 0 s, spawned at 1 s,
 * commands at 2 s, exit at 3 s.
 */
final class LifecycleStates {

  static final int PID = 4242;
  static final Duration STARTUP_GRACE = Duration.ofSeconds(30);
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
  static final String CONFIG_PROBLEMS = "restart: 'sometimes' is not one of no, on-failure, always";

  private LifecycleStates() {}

  static LifecycleSettings settings(RestartPolicy policy) {
    return new LifecycleSettings(policy, STARTUP_GRACE, SHUTDOWN_GRACE, Backoff.DEFAULT);
  }

  /** Folds {@code events} into {@code state} through {@link Lifecycle#next}. */
  static ContainerState apply(ContainerState state, Event... events) {
    ContainerState current = state;
    for (Event event : events) {
      current = Lifecycle.next(current, event).state();
    }
    return current;
  }

  static ContainerState created(RestartPolicy policy) {
    return ContainerState.initial(settings(policy));
  }

  static ContainerState starting(RestartPolicy policy) {
    return apply(created(policy), began(at(0)), nothingFound(at(0)));
  }

  static ContainerState running(RestartPolicy policy) {
    return apply(starting(policy), spawned(PID, at(1)));
  }

  static ContainerState stopping(RestartPolicy policy) {
    return apply(running(policy), command(Command.STOP, at(2)));
  }

  static ContainerState killing(RestartPolicy policy) {
    return apply(running(policy), command(Command.KILL, at(2)));
  }

  /** Crashed with status 1 and waiting for the restart timer; needs a policy that restarts. */
  static ContainerState backoff(RestartPolicy policy) {
    if (!policy.mayRestart()) {
      throw new IllegalArgumentException("policy 'no' never waits to restart");
    }
    return apply(running(policy), exitedWith(PID, 1, at(3)));
  }

  /** Stopped by a client and exited cleanly. */
  static ContainerState down(RestartPolicy policy) {
    return apply(stopping(policy), exitedWith(PID, 0, at(3)));
  }

  static ContainerState failed(RestartPolicy policy) {
    return ContainerState.rejected(settings(policy), CONFIG_PROBLEMS);
  }

  static ContainerState terminated(RestartPolicy policy) {
    return apply(down(policy), command(Command.EXIT, at(4)));
  }

  /** A representative state in {@code phase}; BACKOFF uses {@code always} whatever the policy. */
  static ContainerState inPhase(Phase phase, RestartPolicy policy) {
    return switch (phase) {
      case CREATED -> created(policy);
      case STARTING -> starting(policy);
      case RUNNING -> running(policy);
      case STOPPING -> stopping(policy);
      case KILLING -> killing(policy);
      case BACKOFF -> backoff(policy.mayRestart() ? policy : RestartPolicy.ALWAYS);
      case DOWN -> down(policy);
      case FAILED -> failed(policy);
      case TERMINATED -> terminated(policy);
    };
  }
}
