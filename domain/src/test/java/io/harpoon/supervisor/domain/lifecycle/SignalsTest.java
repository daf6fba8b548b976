package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.at;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.exitedWith;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.signal;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.signaledWith;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.spawned;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.timerFired;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleFixture.given;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleFixture.view;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.PID;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.SHUTDOWN_GRACE;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.apply;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.backoff;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.created;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.running;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.starting;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Signal;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SPEC §6, SIGTERM/SIGINT to the supervisor: the first is a stop, then exit once down; a second kills. */
class SignalsTest {

  @Test
  void running_firstSignal_stopsThenTerminatesOnceDown() {
    var stopping = given(running(RestartPolicy.ALWAYS))
        .when(signal(at(2)))
        .thenPhase(Phase.STOPPING)
        .thenGoal(Goal.STOP)
        .thenView(view(true, false, ExitStatus.NONE, 0, 0));
    stopping.thenPublishesThen(
        new Effect.SendSignal(PID, Signal.TERM),
        new Effect.ArmTimer(stopping.state().timerToken(), SHUTDOWN_GRACE));
    given(stopping.state())
        .when(exitedWith(PID, 0, at(3)))
        .thenPhase(Phase.TERMINATED)
        .thenView(view(false, false, new ExitStatus.Exited(0), 0, 0))
        .thenPublishesThen(new Effect.ReleaseContainer(), new Effect.Terminate(0));
  }

  @Test
  void stopping_secondSignal_killsThenTerminatesOnceDown() {
    ContainerState signalled = apply(running(RestartPolicy.ALWAYS), signal(at(2)));
    var killing = given(signalled)
        .when(signal(at(3)))
        .thenPhase(Phase.KILLING)
        .thenEffects(new Effect.SendSignal(PID, Signal.KILL));
    given(killing.state())
        .when(signaledWith(PID, 9, 0, at(4)))
        .thenPhase(Phase.TERMINATED)
        .thenPublishesThen(new Effect.ReleaseContainer(), new Effect.Terminate(0));
  }

  @Test
  void stoppingByClient_firstSignal_terminatesOnceDownWithoutNewSignal() {
    ContainerState stopping = LifecycleStates.stopping(RestartPolicy.ALWAYS);
    var then = given(stopping).when(signal(at(3))).thenPhase(Phase.STOPPING).thenEffects();
    assertThat(then.state().shutdown().exitWhenDown()).isTrue();
    given(then.state())
        .when(exitedWith(PID, 0, at(4)))
        .thenPublishesThen(new Effect.ReleaseContainer(), new Effect.Terminate(0));
  }

  @ParameterizedTest
  @EnumSource(value = Phase.class, names = {"DOWN", "FAILED"})
  void finalPhase_signal_terminatesAtOnce(Phase phase) {
    given(LifecycleStates.inPhase(phase, RestartPolicy.ALWAYS))
        .when(signal(at(9)))
        .thenPhase(Phase.TERMINATED)
        .thenEffects(new Effect.Terminate(0));
  }

  @Test
  void created_signal_waitsForTheSurveyThenTerminatesWithoutEverStarting() {
    var then = given(created(RestartPolicy.ALWAYS))
        .when(signal(at(0)))
        .thenPhase(Phase.CREATED)
        .thenGoal(Goal.STOP)
        .thenEffects();
    var surveyed = given(then.state()).when(LifecycleEvents.nothingFound(at(1))).thenPhase(Phase.TERMINATED);
    org.assertj.core.api.Assertions.assertThat(surveyed.effects()).last().isEqualTo(new Effect.Terminate(0));
  }

  @Test
  void backoff_signal_cancelsRestartPublishesDownAndTerminates() {
    ContainerState backoff = backoff(RestartPolicy.ALWAYS);
    var then = given(backoff)
        .when(signal(at(3)))
        .thenPhase(Phase.TERMINATED)
        .thenView(view(false, false, new ExitStatus.Exited(1), 0, 0))
        .thenPublishesThen(new Effect.Terminate(0));
    given(then.state()).when(timerFired(backoff.timerToken(), at(4))).thenUnchanged();
  }

  @Test
  void starting_signal_sendsTermOnceSpawnedAndTerminatesOnceDown() {
    ContainerState signalled = apply(starting(RestartPolicy.NO), signal(at(0)));
    var spawned = given(signalled).when(spawned(PID, at(1))).thenPhase(Phase.STOPPING);
    assertThat(spawned.effects()).contains(new Effect.SendSignal(PID, Signal.TERM));
    given(spawned.state())
        .when(exitedWith(PID, 143, at(2)))
        .thenPhase(Phase.TERMINATED)
        .thenPublishesThen(new Effect.ReleaseContainer(), new Effect.Terminate(0));
  }

  @Test
  void starting_signalThenStartupGraceFired_abandonsStartAndTerminates() {
    ContainerState signalled = apply(starting(RestartPolicy.NO), signal(at(0)));
    given(signalled)
        .when(timerFired(signalled.timerToken(), at(30)))
        .thenPhase(Phase.TERMINATED)
        .thenPublishesThen(new Effect.AbandonStart(), new Effect.Terminate(0));
  }

  @Test
  void starting_signalThenSpawnFailed_releasesAndTerminates() {
    ContainerState signalled = apply(starting(RestartPolicy.NO), signal(at(0)));
    given(signalled)
        .when(LifecycleEvents.spawnFailed("no runc", at(1)))
        .thenPhase(Phase.TERMINATED)
        .thenPublishesThen(new Effect.ReleaseContainer(), new Effect.Terminate(0));
  }

  @Test
  void terminated_signal_changesNothing() {
    given(LifecycleStates.terminated(RestartPolicy.ALWAYS)).when(signal(at(9))).thenUnchanged();
  }
}
