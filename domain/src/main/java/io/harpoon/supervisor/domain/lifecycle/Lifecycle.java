package io.harpoon.supervisor.domain.lifecycle;

import io.harpoon.supervisor.domain.lifecycle.Effect.Publish;
import java.util.ArrayList;
import java.util.List;

/**
 * The container lifecycle (SPEC §6) as one pure, total function: {@code next(state, event)}. Each event
 * type has its own handler class, a row of the state × event table; each handler switches over the
 * phase. Two rules apply to every transition, here and nowhere else:
 *
 * <ul>
 *   <li>whenever the published view changes, a metrics sample arrives, or supervision begins in a final
 *       state (a rejected config), the transition starts with exactly one {@link Publish}, so clients
 *       learn a change before anything it causes;
 *   <li>when an OS signal asked the supervisor to terminate and the container is down for good, the
 *       supervisor terminates: the transition ends with {@link Effect.Terminate}.
 * </ul>
 */
public final class Lifecycle {

  private Lifecycle() {}

  /** The state after {@code event}, and what the shell must do about it. */
  public static Transition next(ContainerState state, Event event) {
    Transition step = terminateIfAsked(state, dispatch(state, event));
    ContainerState after = step.state();
    boolean sample = event instanceof Event.MetricsSampled && after.phase().hasProcess();
    boolean first = event instanceof Event.Began && after.phase().isFinal();
    if (!sample && !first && state.view().equals(after.view())) {
      return step;
    }
    List<Effect> effects = new ArrayList<>(step.effects().size() + 1);
    effects.add(new Publish(after.checkpoint()));
    effects.addAll(step.effects());
    return new Transition(after, effects);
  }

  private static Transition dispatch(ContainerState state, Event event) {
    if (event instanceof Event.Began) {
      return Starting.onBegan(state);
    } else if (event instanceof Event.Surveyed surveyed) {
      return Starting.onSurveyed(state, surveyed);
    } else if (event instanceof Event.Spawned spawned) {
      return Starting.onSpawned(state, spawned);
    } else if (event instanceof Event.SpawnFailed failed) {
      return Starting.onSpawnFailed(state, failed);
    } else if (event instanceof Event.Exited exited) {
      return Exiting.onExited(state, exited);
    } else if (event instanceof Event.TimerFired fired) {
      return TimerRules.onTimerFired(state, fired);
    } else if (event instanceof Event.MetricsTick) {
      return Sampling.onTick(state);
    } else if (event instanceof Event.MetricsSampled sampled) {
      return Sampling.onSample(state, sampled);
    } else if (event instanceof Event.CommandReceived command) {
      return Commands.onCommand(state, command);
    } else if (event instanceof Event.SignalReceived signal) {
      return Commands.onSignal(state, signal);
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

  /** When the supervisor was asked to terminate and the container just went down for good, terminate. */
  private static Transition terminateIfAsked(ContainerState before, Transition step) {
    ContainerState state = step.state();
    if (!state.shutdown().exitWhenDown() || !state.phase().isFinal() || before.phase() == Phase.TERMINATED) {
      return step;
    }
    List<Effect> effects = new ArrayList<>(step.effects());
    effects.add(new Effect.Terminate(0));
    return new Transition(state.withPhase(Phase.TERMINATED, 0), effects);
  }
}
