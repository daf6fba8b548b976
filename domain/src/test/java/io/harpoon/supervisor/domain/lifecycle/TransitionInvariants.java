package io.harpoon.supervisor.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Signal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What must hold for every single transition, whatever the state and the event. {@code context} is
 * printed with a failure (its {@code toString()} is only called then).
 */
final class TransitionInvariants {

  private TransitionInvariants() {}

  static void check(ContainerState before, Event event, Transition step, Object context) {
    ContainerState after = step.state();
    List<Effect> effects = step.effects();
    assertThat(after).as("%s", context).isNotNull();
    checkState(after, context);
    checkTruthfulView(before, event, step, context);
    checkPublish(before, event, step, context);
    checkProcess(before, event, step, context);
    checkTimers(before, step, context);
    checkCounters(before, after, context);
    checkCommandsAndTermination(before, event, step, context);
    if (before.phase() == Phase.TERMINATED) {
      assertThat(after.phase()).as("%s: terminated stays terminated", context).isEqualTo(Phase.TERMINATED);
      assertThat(effects)
          .as("%s: once terminated, only rejections (and the KILL of a late spawn)", context)
          .allMatch(e -> e instanceof Effect.Reject || isKillOfLateSpawn(e, event));
    }
  }

  private static void checkState(ContainerState state, Object context) {
    assertThat(state.pid() > 0).as("%s: pid only with a process", context)
        .isEqualTo(state.phase().hasProcess());
    assertThat(state.timerToken()).as("%s: token range", context).isBetween(0L, state.timer().last());
  }

  /**
   * The agent's reading (issue 11): {@code up:false, restarting:false} means down for good, so it is only
   * ever shown when the container exited and will not restart (an exit status) or cannot be started (an
   * err); and {@code exit} is accepted exactly when the state before it showed that.
   */
  private static void checkTruthfulView(ContainerState before, Event event, Transition step, Object context) {
    ContainerProcessState view = step.state().view();
    if (!view.up() && !view.restarting()) {
      assertThat(!view.exitStatus().equals(ExitStatus.NONE) || !view.err().isEmpty())
          .as("%s: a state that says down for good carries an exit status or err: %s", context, view).isTrue();
      assertThat(step.state().phase().isFinal() || step.state().phase() == Phase.TERMINATED)
          .as("%s: down for good only in a final phase", context).isTrue();
    } else {
      assertThat(step.state().phase().isFinal()).as("%s: a final phase shows down for good", context).isFalse();
    }
    boolean exitCommand = event instanceof Event.CommandReceived command && command.command() == Command.EXIT;
    if (exitCommand && before.phase() != Phase.TERMINATED) {
      ContainerProcessState shown = before.view();
      boolean downForGood = !shown.up() && !shown.restarting();
      assertThat(step.effects().contains(new Effect.Terminate(0)))
          .as("%s: exit accepted exactly when the state shown was down for good", context)
          .isEqualTo(downForGood);
    }
  }

  private static void checkPublish(ContainerState before, Event event, Transition step, Object context) {
    List<Effect> publishes = step.effects().stream()
        .filter(Effect.Publish.class::isInstance).collect(Collectors.toList());
    boolean keptSample = event instanceof Event.MetricsSampled && step.state().phase().hasProcess();
    boolean changed = !before.view().equals(step.state().view());
    boolean firstOfAFinalSupervision = event instanceof Event.Began && step.state().phase().isFinal();
    if (changed || keptSample || firstOfAFinalSupervision) {
      assertThat(publishes).as("%s: exactly one Publish", context).hasSize(1);
      assertThat(step.effects().get(0))
          .as("%s: Publish of the new state and its checkpoint first", context)
          .isEqualTo(new Effect.Publish(step.state().checkpoint()));
    } else {
      assertThat(publishes).as("%s: no Publish without a visible change", context).isEmpty();
    }
  }

  private static void checkProcess(ContainerState before, Event event, Transition step, Object context) {
    ContainerState after = step.state();
    if (before.phase().hasProcess() && !after.phase().hasProcess()) {
      assertThat(event).as("%s: a live process is only forgotten when it exited", context)
          .isInstanceOfSatisfying(Event.Exited.class, e -> assertThat(e.pid()).isEqualTo(before.pid()));
      assertThat(step.effects()).as("%s: an ended run is released", context)
          .contains(new Effect.ReleaseContainer());
    }
    if (!before.phase().hasProcess() && after.phase().hasProcess()) {
      boolean awaited = (event instanceof Event.Spawned && before.phase() == Phase.STARTING)
          || (event instanceof Event.Surveyed surveyed && surveyed.found() instanceof Event.Found.Running
              && before.phase() == Phase.CREATED);
      assertThat(awaited).as("%s: a process is only taken on when a start was awaited", context).isTrue();
      assertThat(step.effects()).as("%s: a process taken on is watched", context)
          .contains(new Effect.WatchExit(after.pid()));
    } else {
      assertThat(step.effects()).as("%s: only a process taken on is watched", context)
          .noneMatch(Effect.WatchExit.class::isInstance);
    }
    if (event instanceof Event.Surveyed surveyed && surveyed.found() instanceof Event.Found.Foreign) {
      assertThat(step.effects()).as("%s: another run directory's container is never touched", context)
          .noneMatch(e -> e instanceof Effect.ReleaseContainer || e instanceof Effect.SendSignal
              || e instanceof Effect.StartContainer);
    }
    if (before.phase().hasProcess() && after.phase().hasProcess()) {
      assertThat(after.pid()).as("%s: one process at a time", context).isEqualTo(before.pid());
    }
    if (event instanceof Event.Spawned) {
      int spawnedPid = ((Event.Spawned) event).pid();
      boolean adopted = after.pid() == spawnedPid && !before.phase().hasProcess();
      assertThat(adopted || step.effects().contains(new Effect.SendSignal(spawnedPid, Signal.KILL)))
          .as("%s: a spawned process is supervised or killed", context).isTrue();
    }
    for (Effect effect : step.effects()) {
      if (effect instanceof Effect.SendSignal) {
        checkSignal(before, event, after, (Effect.SendSignal) effect, context);
      }
      if (effect instanceof Effect.StartContainer) {
        assertThat(after.goal()).as("%s: start only while the goal is UP", context).isEqualTo(Goal.UP);
        assertThat(before.phase()).as("%s: start from CREATED (after the survey) or BACKOFF", context)
            .isIn(Phase.CREATED, Phase.BACKOFF);
        assertThat(before.phase() != Phase.CREATED || event instanceof Event.Surveyed)
            .as("%s: the first start only once the survey found nothing running", context).isTrue();
        assertThat(after.phase()).as("%s: a start is awaited", context).isEqualTo(Phase.STARTING);
      }
    }
  }

  private static void checkSignal(
      ContainerState before, Event event, ContainerState after, Effect.SendSignal send, Object context) {
    assertThat(send.pid()).as("%s: never signal pid <= 0", context).isPositive();
    if (isKillOfLateSpawn(send, event) && after.pid() != send.pid()) {
      return;
    }
    assertThat(send.pid()).as("%s: signal the supervised process", context).isEqualTo(after.pid());
    if (send.signal() == Signal.KILL) {
      assertThat(event.getClass()).as("%s: KILL after grace, kill, a second signal or at spawn", context)
          .isIn(Event.TimerFired.class, Event.CommandReceived.class, Event.SignalReceived.class,
              Event.Spawned.class, Event.Surveyed.class);
      assertThat(after.goal()).as("%s: KILL only when going down", context).isNotEqualTo(Goal.UP);
    } else {
      assertThat(event.getClass()).as("%s: TERM on stop, a first signal or at spawn", context)
          .isIn(Event.CommandReceived.class, Event.SignalReceived.class, Event.Spawned.class,
              Event.Surveyed.class);
      assertThat(after.goal()).as("%s: TERM only for a stop", context).isEqualTo(Goal.STOP);
    }
  }

  private static boolean isKillOfLateSpawn(Effect effect, Event event) {
    return event instanceof Event.Spawned
        && effect.equals(new Effect.SendSignal(((Event.Spawned) event).pid(), Signal.KILL));
  }

  private static void checkTimers(ContainerState before, Transition step, Object context) {
    ContainerState after = step.state();
    assertThat(after.timer().last()).as("%s: tokens only grow", context)
        .isGreaterThanOrEqualTo(before.timer().last());
    long armed = step.effects().stream().filter(Effect.ArmTimer.class::isInstance).count();
    assertThat(armed).as("%s: at most one timer per step", context).isLessThanOrEqualTo(1);
    step.effects().stream().filter(Effect.ArmTimer.class::isInstance).map(Effect.ArmTimer.class::cast)
        .forEach(arm -> {
          assertThat(arm.token()).as("%s: a fresh token", context).isGreaterThan(before.timer().last());
          assertThat(arm.token()).as("%s: the state waits for it", context).isEqualTo(after.timerToken());
          assertThat(arm.delay().isNegative()).as("%s: delay", context).isFalse();
        });
  }

  private static void checkCounters(ContainerState before, ContainerState after, Object context) {
    ContainerProcessState was = before.view();
    ContainerProcessState is = after.view();
    assertThat(is.restarts()).as("%s: restarts never decrease", context)
        .isGreaterThanOrEqualTo(was.restarts());
    assertThat(is.ooms()).as("%s: ooms never decrease", context).isGreaterThanOrEqualTo(was.ooms());
    assertThat(is.metrics().cpuTimeNanos()).as("%s: cpu_time never decreases", context)
        .isGreaterThanOrEqualTo(was.metrics().cpuTimeNanos());
  }

  private static void checkCommandsAndTermination(
      ContainerState before, Event event, Transition step, Object context) {
    List<Effect> effects = step.effects();
    boolean terminates = effects.contains(new Effect.Terminate(0));
    assertThat(effects.stream().filter(Effect.Terminate.class::isInstance).count())
        .as("%s: at most one Terminate", context).isLessThanOrEqualTo(1);
    boolean exitCommand = event instanceof Event.CommandReceived
        && ((Event.CommandReceived) event).command() == Command.EXIT;
    if (terminates) {
      assertThat((exitCommand && before.phase().isFinal()) || step.state().shutdown().exitWhenDown())
          .as("%s: Terminate after an accepted exit or a signal", context).isTrue();
      assertThat(effects.get(effects.size() - 1)).as("%s: Terminate last", context)
          .isInstanceOf(Effect.Terminate.class);
    }
    assertThat(step.state().phase() == Phase.TERMINATED && before.phase() != Phase.TERMINATED)
        .as("%s: TERMINATED is entered with a Terminate", context).isEqualTo(terminates);
    if (exitCommand) {
      assertThat(terminates).as("%s: exit succeeds iff the container was down for good", context)
          .isEqualTo(before.phase().isFinal());
      assertThat(before.phase() == Phase.TERMINATED && !step.effects().isEmpty())
          .as("%s: exit while exiting is no error", context).isFalse();
    }
    effects.stream().filter(Effect.Reject.class::isInstance).map(Effect.Reject.class::cast)
        .forEach(reject -> checkReject(before, event, step, reject, context));
  }

  private static void checkReject(
      ContainerState before, Event event, Transition step, Effect.Reject reject, Object context) {
    assertThat(event).as("%s: only commands are rejected", context)
        .isInstanceOf(Event.CommandReceived.class);
    Event.CommandReceived command = (Event.CommandReceived) event;
    assertThat(reject.requester()).as("%s: the requester is answered", context)
        .isEqualTo(command.requester());
    assertThat(reject.command()).as("%s: the command is named", context).isEqualTo(command.command());
    assertThat(reject.reason()).as("%s: with a reason", context).isNotBlank();
    assertThat(step.state()).as("%s: a rejection changes nothing", context).isEqualTo(before);
  }
}
