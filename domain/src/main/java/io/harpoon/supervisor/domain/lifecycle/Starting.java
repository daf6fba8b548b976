package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.stay;
import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.terminateIfAsked;
import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.to;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Signal;
import io.harpoon.supervisor.domain.lifecycle.ContainerState.Counters;

/** Rows of the table for the events that bring a container up: start, config, adoption, spawn. */
final class Starting {

  private Starting() {}

  static Transition onStartRequested(ContainerState state) {
    if (state.phase() != Phase.CREATED) {
      return stay(state);
    }
    return startAttempt(state);
  }

  /** Ask the runtime for a start, bounded by the startup grace. */
  static Transition startAttempt(ContainerState state) {
    ContainerState starting = state.withPhase(Phase.STARTING, 0).withNewTimer();
    return to(
        starting,
        new Effect.StartContainer(),
        new Effect.ArmTimer(starting.timerToken(), state.settings().startupGrace()));
  }

  static Transition onConfigRejected(ContainerState state, Event.ConfigRejected event) {
    if (state.phase() != Phase.CREATED) {
      return stay(state);
    }
    return terminateIfAsked(to(state.withPhase(Phase.FAILED, 0).withError(event.problems())));
  }

  static Transition onAdopted(ContainerState state, Event.Adopted event) {
    if (state.phase() != Phase.CREATED) {
      return stay(state);
    }
    Counters counters = new Counters(event.restarts(), event.ooms(), 0);
    return to(state.withRun(event.pid(), event.oomBaseline(), event.at(), counters, event.cpuBaseNanos()));
  }

  static Transition onSpawned(ContainerState state, Event.Spawned event) {
    if (state.phase() != Phase.STARTING) {
      if (event.pid() == state.pid()) {
        return stay(state);
      }
      // A start we gave up on completed after all: make sure nothing runs unsupervised.
      return to(state, new Effect.SendSignal(event.pid(), Signal.KILL));
    }
    ContainerState running = state.withRun(event.pid(), event.oomBaseline(), event.at(),
        countStart(state), state.cpuBaseNanos());
    switch (state.goal()) {
      case UP:
        return to(running);
      case STOP:
        return Commands.stopping(running);
      case KILL:
        return Commands.killing(running);
      default:
        throw new AssertionError(state.goal());
    }
  }

  /** A start after an exit is a restart. */
  private static Counters countStart(ContainerState state) {
    Counters counters = state.counters();
    int restarts = counters.restarts() + (state.lastExit().equals(ExitStatus.NONE) ? 0 : 1);
    return new Counters(restarts, counters.ooms(), counters.quickFailures());
  }

  static Transition onSpawnFailed(ContainerState state, Event.SpawnFailed event) {
    if (state.phase() != Phase.STARTING) {
      return stay(state);
    }
    ContainerState failed = state.withPhase(Phase.FAILED, 0).withoutTimer().withError(event.reason());
    return terminateIfAsked(to(failed, new Effect.ReleaseContainer()));
  }
}
