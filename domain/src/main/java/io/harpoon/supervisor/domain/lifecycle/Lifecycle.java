package io.harpoon.supervisor.domain.lifecycle;

import io.harpoon.supervisor.domain.lifecycle.Effect.Publish;
import java.util.ArrayList;
import java.util.List;

/**
 * The container lifecycle (SPEC §6) as one pure, total function: {@code next(state, event)}. Each event
 * type has its own handler class, a row of the state × event table; each handler switches over the
 * phase. Whenever the published view changes, or a metrics sample arrives, the transition starts with
 * exactly one {@link Publish}, so clients learn a change before anything it causes.
 */
public final class Lifecycle {

  private Lifecycle() {}

  /** The state after {@code event}, and what the shell must do about it. */
  public static Transition next(ContainerState state, Event event) {
    Transition step = dispatch(state, event);
    ContainerProcessState before = state.view();
    ContainerProcessState after = step.state().view();
    boolean sample = event instanceof Event.MetricsSampled && step.state().phase().hasProcess();
    if (!sample && before.equals(after)) {
      return step;
    }
    List<Effect> effects = new ArrayList<>(step.effects().size() + 1);
    effects.add(new Publish(after));
    effects.addAll(step.effects());
    return new Transition(step.state(), effects);
  }

  private static Transition dispatch(ContainerState state, Event event) {
    if (event instanceof Event.StartRequested) {
      return Starting.onStartRequested(state);
    } else if (event instanceof Event.ConfigRejected) {
      return Starting.onConfigRejected(state, (Event.ConfigRejected) event);
    } else if (event instanceof Event.Adopted) {
      return Starting.onAdopted(state, (Event.Adopted) event);
    } else if (event instanceof Event.Spawned) {
      return Starting.onSpawned(state, (Event.Spawned) event);
    } else if (event instanceof Event.SpawnFailed) {
      return Starting.onSpawnFailed(state, (Event.SpawnFailed) event);
    } else if (event instanceof Event.Exited) {
      return Exiting.onExited(state, (Event.Exited) event);
    } else if (event instanceof Event.TimerFired) {
      return TimerRules.onTimerFired(state, (Event.TimerFired) event);
    } else if (event instanceof Event.MetricsTick) {
      return Sampling.onTick(state);
    } else if (event instanceof Event.MetricsSampled) {
      return Sampling.onSample(state, (Event.MetricsSampled) event);
    } else if (event instanceof Event.CommandReceived) {
      return Commands.onCommand(state, (Event.CommandReceived) event);
    } else if (event instanceof Event.SignalReceived) {
      return Commands.onSignal(state);
    }
    throw new AssertionError("unhandled event " + event);
  }

  /** No change, nothing to do. */
  static Transition stay(ContainerState state) {
    return new Transition(state, List.of());
  }

  static Transition to(ContainerState state, Effect... effects) {
    return new Transition(state, List.of(effects));
  }

  /** When the supervisor is waiting to terminate and the container is down for good, terminate. */
  static Transition terminateIfAsked(Transition step) {
    ContainerState state = step.state();
    if (!state.exitWhenDown() || !state.phase().isFinal()) {
      return step;
    }
    List<Effect> effects = new ArrayList<>(step.effects());
    effects.add(new Effect.Terminate(0));
    return new Transition(state.withPhase(Phase.TERMINATED, 0), effects);
  }
}
