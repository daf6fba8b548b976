package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.stay;
import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.terminateIfAsked;
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
    switch (state.phase()) {
      case STARTING:
        return startTimedOut(state);
      case STOPPING:
        return to(state.withPhase(Phase.KILLING, state.pid()).withoutTimer(),
            new Effect.SendSignal(state.pid(), Signal.KILL));
      case BACKOFF:
        return Starting.startAttempt(state);
      default:
        return stay(state.withoutTimer());
    }
  }

  private static Transition startTimedOut(ContainerState state) {
    String error = "the runtime did not start the container within the startup grace of "
        + state.settings().startupGrace().toMillis() + "ms";
    ContainerState failed = state.withPhase(Phase.FAILED, 0).withoutTimer().withError(error);
    return terminateIfAsked(to(failed, new Effect.AbandonStart()));
  }
}
