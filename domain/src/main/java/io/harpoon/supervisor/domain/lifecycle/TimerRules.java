package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.stay;
import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.to;

import io.harpoon.supervisor.domain.container.Signal;

/**
 * The row of the table for timers. Each phase that waits arms a timer with a fresh token; a timer whose
 * token is not the one the state waits for is stale and changes nothing, so timers never need cancelling.
 */
final class TimerRules {

  private TimerRules() {}

  static Transition onTimerFired(ContainerState state, Event.TimerFired event) {
    if (event.token() == 0 || event.token() != state.timerToken()) {
      return stay(state);
    }
    return switch (state.phase()) {
      case STARTING -> startTimedOut(state);
      case STOPPING -> to(state.withPhase(Phase.KILLING, state.pid()).withoutTimer(),
          new Effect.SendSignal(state.pid(), Signal.KILL));
      case BACKOFF -> Starting.startAttempt(state);
      case CREATED, RUNNING, KILLING, DOWN, FAILED, TERMINATED -> stay(state.withoutTimer());
    };
  }

  private static Transition startTimedOut(ContainerState state) {
    String error = "the runtime did not start the container within the startup grace of "
        + state.settings().startupGrace().toMillis() + "ms";
    return Starting.startFailed(state.withoutTimer(), error, false, new Effect.AbandonStart());
  }
}
