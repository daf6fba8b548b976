package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.at;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.command;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.exitedWith;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.spawned;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.timerFired;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleFixture.given;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleFixture.view;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.PID;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.SHUTDOWN_GRACE;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.apply;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.backoff;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.created;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.killing;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.running;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.starting;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.stopping;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Signal;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SPEC §5 commands and §6 fourth bullet: stop and kill win over the policy. Exit is in ExitCommandTest. */
class CommandsTest {

  @Test
  void running_stopRequested_publishesNotRestartingThenSendsTermAndArmsGraceTimer() {
    var then = given(running(RestartPolicy.ALWAYS))
        .when(command(Command.STOP, at(2)))
        .thenPhase(Phase.STOPPING)
        .thenGoal(Goal.STOP)
        .thenView(view(true, false, ExitStatus.NONE, 0, 0));
    then.thenPublishesThen(
        new Effect.SendSignal(PID, Signal.TERM),
        new Effect.ArmTimer(then.state().timerToken(), SHUTDOWN_GRACE));
  }

  @Test
  void running_stopRequestedWithPolicyNo_sendsTermWithoutPublishing() {
    var then = given(running(RestartPolicy.NO)).when(command(Command.STOP, at(2)));
    then.thenPhase(Phase.STOPPING).thenEffects(
        new Effect.SendSignal(PID, Signal.TERM),
        new Effect.ArmTimer(then.state().timerToken(), SHUTDOWN_GRACE));
  }

  @Test
  void stopping_graceTimerFired_sendsKillWithoutVisibleChange() {
    ContainerState stopping = stopping(RestartPolicy.ALWAYS);
    given(stopping)
        .when(timerFired(stopping.timerToken(), at(12)))
        .thenPhase(Phase.KILLING)
        .thenEffects(new Effect.SendSignal(PID, Signal.KILL));
  }

  @Test
  void stopping_exitedBeforeGrace_laterGraceTimerIsIgnored() {
    ContainerState stopping = stopping(RestartPolicy.ALWAYS);
    ContainerState down = apply(stopping, exitedWith(PID, 0, at(3)));
    given(down).when(timerFired(stopping.timerToken(), at(12))).thenUnchanged();
  }

  @Test
  void running_killRequested_publishesNotRestartingThenSendsKill() {
    given(running(RestartPolicy.ON_FAILURE))
        .when(command(Command.KILL, at(2)))
        .thenPhase(Phase.KILLING)
        .thenGoal(Goal.KILL)
        .thenView(view(true, false, ExitStatus.NONE, 0, 0))
        .thenPublishesThen(new Effect.SendSignal(PID, Signal.KILL));
  }

  @Test
  void stopping_killRequested_sendsKillAtOnce() {
    ContainerState stopping = stopping(RestartPolicy.ALWAYS);
    var then = given(stopping)
        .when(command(Command.KILL, at(3)))
        .thenPhase(Phase.KILLING)
        .thenGoal(Goal.KILL)
        .thenEffects(new Effect.SendSignal(PID, Signal.KILL));
    given(then.state()).when(timerFired(stopping.timerToken(), at(12))).thenUnchanged();
  }

  @Test
  void stopping_stopRequestedAgain_changesNothing() {
    given(stopping(RestartPolicy.ALWAYS)).when(command(Command.STOP, at(3))).thenUnchanged();
  }

  @Test
  void killing_killOrStopRequestedAgain_changesNothing() {
    given(killing(RestartPolicy.ALWAYS)).when(command(Command.KILL, at(3))).thenUnchanged();
    given(killing(RestartPolicy.ALWAYS)).when(command(Command.STOP, at(3))).thenUnchanged();
  }

  @ParameterizedTest
  @EnumSource(value = Command.class, names = {"STOP", "KILL"})
  void backoff_stopOrKillRequested_cancelsRestartAndPublishesDown(Command stopOrKill) {
    ContainerState backoff = backoff(RestartPolicy.ALWAYS);
    var then = given(backoff)
        .when(command(stopOrKill, at(3)))
        .thenPhase(Phase.DOWN)
        .thenView(view(false, false, new ExitStatus.Exited(1), 0, 0))
        .thenPublishesThen();
    given(then.state()).when(timerFired(backoff.timerToken(), at(4))).thenUnchanged();
  }

  @Test
  void starting_stopRequested_staysNotFinalThenSendsTermOnceSpawned() {
    var stopped = given(starting(RestartPolicy.ALWAYS))
        .when(command(Command.STOP, at(0)))
        .thenPhase(Phase.STARTING)
        .thenGoal(Goal.STOP)
        .thenView(view(false, true, ExitStatus.NONE, 0, 0))
        .thenEffects();
    var then = given(stopped.state())
        .when(spawned(PID, at(1)))
        .thenPhase(Phase.STOPPING)
        .thenView(view(true, false, ExitStatus.NONE, 0, 0));
    then.thenPublishesThen(
        new Effect.WatchExit(PID),
        new Effect.SendSignal(PID, Signal.TERM),
        new Effect.ArmTimer(then.state().timerToken(), SHUTDOWN_GRACE));
  }

  @Test
  void starting_killRequested_sendsKillOnceSpawned() {
    ContainerState killed = apply(starting(RestartPolicy.ALWAYS), command(Command.KILL, at(0)));
    given(killed)
        .when(spawned(PID, at(1)))
        .thenPhase(Phase.KILLING)
        .thenView(view(true, false, ExitStatus.NONE, 0, 0))
        .thenPublishesThen(new Effect.WatchExit(PID), new Effect.SendSignal(PID, Signal.KILL));
  }

  @Test
  void starting_killThenStopRequested_killStillWins() {
    ContainerState killed = apply(starting(RestartPolicy.ALWAYS), command(Command.KILL, at(0)));
    given(killed).when(command(Command.STOP, at(0))).thenGoal(Goal.KILL).thenEffects();
  }

  @Test
  void created_stopRequested_isDeferredUntilTheSurveyThenNeverStarts() {
    var then = given(created(RestartPolicy.ALWAYS))
        .when(command(Command.STOP, at(0)))
        .thenPhase(Phase.CREATED)
        .thenGoal(Goal.STOP)
        .thenEffects();
    assertThat(then.state().view().restarting()).as("not final before the survey").isTrue();
    var surveyed = given(then.state()).when(LifecycleEvents.nothingFound(at(1)))
        .thenPhase(Phase.FAILED)
        .thenPublishesThen();
    assertThat(surveyed.state().view().err()).isEqualTo("stopped before the container was started");
  }

  @Test
  void created_killRequested_isDeferredThenKillsWhatTheSurveyFinds() {
    var then = given(created(RestartPolicy.ALWAYS))
        .when(command(Command.KILL, at(0)))
        .thenPhase(Phase.CREATED)
        .thenGoal(Goal.KILL)
        .thenEffects();
    given(then.state())
        .when(LifecycleEvents.surveyed(new Event.Found.Running(PID, 0), null, at(1)))
        .thenPhase(Phase.KILLING)
        .thenPublishesThen(new Effect.WatchExit(PID), new Effect.SendSignal(PID, Signal.KILL));
  }

  @ParameterizedTest
  @EnumSource(value = Command.class, names = {"STOP", "KILL"})
  void down_stopOrKillRequested_isRejected(Command stopOrKill) {
    given(LifecycleStates.down(RestartPolicy.ALWAYS))
        .when(command(stopOrKill, at(5)))
        .thenRejects(stopOrKill, "not running");
  }

  @ParameterizedTest
  @EnumSource(value = Command.class, names = {"STOP", "KILL"})
  void failed_stopOrKillRequested_isRejected(Command stopOrKill) {
    given(LifecycleStates.failed(RestartPolicy.ALWAYS))
        .when(command(stopOrKill, at(5)))
        .thenRejects(stopOrKill, "not running");
  }

  @ParameterizedTest
  @EnumSource(value = Command.class, names = {"STOP", "KILL"})
  void terminated_stopOrKill_isRejected(Command any) {
    given(LifecycleStates.terminated(RestartPolicy.ALWAYS))
        .when(command(any, at(5)))
        .thenRejects(any, "exiting");
  }
}
