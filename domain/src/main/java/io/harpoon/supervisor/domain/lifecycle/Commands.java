package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.stay;
import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.to;

import io.harpoon.supervisor.domain.container.Signal;
import io.harpoon.supervisor.domain.lifecycle.ContainerState.Shutdown;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Rows of the table for what clients and the OS ask: stop, kill, exit, SIGTERM/SIGINT. A stop or kill
 * always wins over the restart policy; {@code exit} is accepted exactly when the container is down for
 * good, which is when the published state says {@code up:false, restarting:false}.
 */
final class Commands {

  private Commands() {}

  static Transition onCommand(ContainerState state, Event.CommandReceived event) {
    return switch (event.command()) {
      case STOP -> goingDownRefusal(state).map(why -> reject(state, event, why))
          .orElseGet(() -> stop(state, event.at()));
      case KILL -> goingDownRefusal(state).map(why -> reject(state, event, why))
          .orElseGet(() -> kill(state, event.at()));
      case EXIT -> exit(state, event);
    };
  }

  /** First SIGTERM/SIGINT: stop, and terminate once down. Any further one: kill. */
  static Transition onSignal(ContainerState state, Event.SignalReceived event) {
    if (state.phase() == Phase.TERMINATED) {
      return stay(state);
    }
    Shutdown shutdown = state.shutdown();
    ContainerState signalled = state.withShutdown(
        new Shutdown(shutdown.goal(), shutdown.since(), true, shutdown.signals() + 1));
    return signalled.shutdown().signals() == 1 ? stop(signalled, event.at()) : kill(signalled, event.at());
  }

  /**
   * Before the survey (CREATED) and while the runtime starts the container (STARTING) there is nothing to
   * signal yet: the goal is recorded, and acted on once it is known what runs.
   */
  private static Transition stop(ContainerState state, Instant at) {
    return switch (state.phase()) {
      case CREATED, STARTING -> state.goal() == Goal.UP ? to(state.withGoal(Goal.STOP, at)) : stay(state);
      case BACKOFF -> to(state.withGoal(Goal.STOP, at).withoutTimer().withPhase(Phase.DOWN, 0));
      case RUNNING -> stopping(state, at);
      case STOPPING, KILLING, DOWN, FAILED, TERMINATED -> stay(state);
    };
  }

  private static Transition kill(ContainerState state, Instant at) {
    return switch (state.phase()) {
      case CREATED, STARTING -> state.goal() == Goal.KILL ? stay(state) : to(state.withGoal(Goal.KILL, at));
      case BACKOFF -> to(state.withGoal(Goal.KILL, at).withoutTimer().withPhase(Phase.DOWN, 0));
      case RUNNING, STOPPING -> killing(state, at);
      case KILLING, DOWN, FAILED, TERMINATED -> stay(state);
    };
  }

  /** SIGTERM now, SIGKILL when the shutdown grace runs out. */
  static Transition stopping(ContainerState running, Instant at) {
    ContainerState stopping =
        running.withGoal(Goal.STOP, at).withPhase(Phase.STOPPING, running.pid()).withNewTimer();
    return to(stopping,
        new Effect.SendSignal(running.pid(), Signal.TERM),
        new Effect.ArmTimer(stopping.timerToken(), running.settings().shutdownGrace()));
  }

  /**
   * A stop that a predecessor began at {@code since}: SIGTERM was sent then, so only SIGKILL is left to
   * send, when what remains of the shutdown grace runs out.
   */
  static Transition stopTimerOnly(ContainerState running, Instant since, Instant now) {
    ContainerState stopping =
        running.withGoal(Goal.STOP, since).withPhase(Phase.STOPPING, running.pid()).withNewTimer();
    Duration left = running.settings().shutdownGrace().minus(Duration.between(since, now));
    return to(stopping, new Effect.ArmTimer(stopping.timerToken(), left.isNegative() ? Duration.ZERO : left));
  }

  static Transition killing(ContainerState running, Instant at) {
    ContainerState killing =
        running.withGoal(Goal.KILL, at).withPhase(Phase.KILLING, running.pid()).withoutTimer();
    return to(killing, new Effect.SendSignal(running.pid(), Signal.KILL));
  }

  private static Transition exit(ContainerState state, Event.CommandReceived event) {
    if (state.phase().isFinal()) {
      return to(state.withPhase(Phase.TERMINATED, 0), new Effect.Terminate(0));
    }
    if (state.phase() == Phase.TERMINATED) {
      // Already on its way out, as asked: nothing to refuse.
      return stay(state);
    }
    ContainerProcessState view = state.view();
    String why = view.up()
        ? "the container is up; stop or kill it first"
        : "the container will be started; stop or kill it first";
    return reject(state, event, why);
  }

  /** Why a stop or kill has nothing left to act on, if it has not. */
  private static Optional<String> goingDownRefusal(ContainerState state) {
    return switch (state.phase()) {
      case TERMINATED -> Optional.of("the supervisor is exiting");
      case DOWN, FAILED -> Optional.of("the container is not running");
      case CREATED, STARTING, RUNNING, STOPPING, KILLING, BACKOFF -> Optional.empty();
    };
  }

  private static Transition reject(ContainerState state, Event.CommandReceived event, String why) {
    return to(state, new Effect.Reject(event.requester(), event.command(), why));
  }
}
