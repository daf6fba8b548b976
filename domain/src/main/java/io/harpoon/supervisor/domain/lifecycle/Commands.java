package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.stay;
import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.terminateIfAsked;
import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.to;

import io.harpoon.supervisor.domain.container.Signal;

/**
 * Rows of the table for what clients and the OS ask: stop, kill, exit, SIGTERM/SIGINT. A stop or kill
 * always wins over the restart policy; {@code exit} is accepted only once the container is down for good.
 */
final class Commands {

  private Commands() {}

  static Transition onCommand(ContainerState state, Event.CommandReceived event) {
    Command command = event.command();
    switch (command) {
      case STOP:
        return goingDownRefusal(state).map(why -> reject(state, event, why)).orElseGet(() -> stop(state));
      case KILL:
        return goingDownRefusal(state).map(why -> reject(state, event, why)).orElseGet(() -> kill(state));
      case EXIT:
        return exit(state, event);
      default:
        throw new AssertionError(command);
    }
  }

  /** First SIGTERM/SIGINT: stop, and terminate once down. Any further one: kill. */
  static Transition onSignal(ContainerState state) {
    if (state.phase() == Phase.TERMINATED) {
      return stay(state);
    }
    ContainerState signalled = state.withSignal();
    return terminateIfAsked(signalled.signalsReceived() == 1 ? stop(signalled) : kill(signalled));
  }

  private static Transition stop(ContainerState state) {
    switch (state.phase()) {
      case CREATED:
      case BACKOFF:
        return to(state.withGoal(Goal.STOP).withoutTimer().withPhase(Phase.DOWN, 0));
      case STARTING:
        return to(state.withGoal(state.goal() == Goal.KILL ? Goal.KILL : Goal.STOP));
      case RUNNING:
        return stopping(state);
      default:
        return stay(state);
    }
  }

  private static Transition kill(ContainerState state) {
    switch (state.phase()) {
      case CREATED:
      case BACKOFF:
        return to(state.withGoal(Goal.KILL).withoutTimer().withPhase(Phase.DOWN, 0));
      case STARTING:
        return to(state.withGoal(Goal.KILL));
      case RUNNING:
      case STOPPING:
        return killing(state);
      default:
        return stay(state);
    }
  }

  /** SIGTERM now, SIGKILL when the shutdown grace runs out. */
  static Transition stopping(ContainerState running) {
    ContainerState stopping =
        running.withGoal(Goal.STOP).withPhase(Phase.STOPPING, running.pid()).withNewTimer();
    return to(stopping,
        new Effect.SendSignal(running.pid(), Signal.TERM),
        new Effect.ArmTimer(stopping.timerToken(), running.settings().shutdownGrace()));
  }

  static Transition killing(ContainerState running) {
    ContainerState killing =
        running.withGoal(Goal.KILL).withPhase(Phase.KILLING, running.pid()).withoutTimer();
    return to(killing, new Effect.SendSignal(running.pid(), Signal.KILL));
  }

  private static Transition exit(ContainerState state, Event.CommandReceived event) {
    if (state.phase().isFinal()) {
      return to(state.withPhase(Phase.TERMINATED, 0), new Effect.Terminate(0));
    }
    if (state.phase() == Phase.TERMINATED) {
      return reject(state, event, "the supervisor is already exiting");
    }
    ContainerProcessState view = state.view();
    String why = view.up()
        ? "the container is up; stop or kill it first"
        : view.restarting()
            ? "the container will be restarted; stop or kill it first"
            : "the container is not down yet";
    return reject(state, event, why);
  }

  /** Why a stop or kill has nothing left to act on, if it has not. */
  private static java.util.Optional<String> goingDownRefusal(ContainerState state) {
    if (state.phase() == Phase.TERMINATED) {
      return java.util.Optional.of("the supervisor is exiting");
    }
    return state.phase().isFinal()
        ? java.util.Optional.of("the container is not running")
        : java.util.Optional.empty();
  }

  private static Transition reject(ContainerState state, Event.CommandReceived event, String why) {
    return to(state, new Effect.Reject(event.requester(), event.command(), why));
  }
}
