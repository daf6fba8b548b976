package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.at;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.command;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.configRejected;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.signaledWith;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.spawnFailed;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.spawned;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.startRequested;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.timerFired;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleFixture.given;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleFixture.view;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.CONFIG_PROBLEMS;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.PID;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.STARTUP_GRACE;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.apply;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.created;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.running;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.starting;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.container.Signal;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** SPEC §6, first bullet: starting a container, and what happens when that fails. */
class StartingTest {

  @ParameterizedTest
  @CsvSource({"NO, false", "ON_FAILURE, true", "ALWAYS, true"})
  void created_startRequested_asksForStartAndArmsStartupGrace(RestartPolicy policy, boolean restarting) {
    var then = given(created(policy)).when(startRequested(at(0))).thenPhase(Phase.STARTING);
    Effect[] asks = {new Effect.StartContainer(), new Effect.ArmTimer(1, STARTUP_GRACE)};
    if (restarting) {
      then.thenView(view(false, true, ExitStatus.NONE, 0, 0)).thenPublishesThen(asks);
    } else {
      then.thenView(view(false, false, ExitStatus.NONE, 0, 0)).thenEffects(asks);
    }
  }

  @ParameterizedTest
  @CsvSource({"NO, false", "ON_FAILURE, true", "ALWAYS, true"})
  void starting_spawned_publishesUpAndRestartingPerPolicy(RestartPolicy policy, boolean restarting) {
    given(starting(policy))
        .when(spawned(PID, at(1)))
        .thenPhase(Phase.RUNNING)
        .thenGoal(Goal.UP)
        .thenView(view(true, restarting, ExitStatus.NONE, 0, 0))
        .thenPublishesThen();
  }

  @ParameterizedTest
  @EnumSource(RestartPolicy.class)
  void starting_spawnFailed_publishesDownNotRestartingWithErrAndReleases(RestartPolicy policy) {
    given(starting(policy))
        .when(spawnFailed("runc create: exit status 1", at(1)))
        .thenPhase(Phase.FAILED)
        .thenView(new ContainerProcessState(
            false, false, "runc create: exit status 1", ExitStatus.NONE, 0, 0, Metrics.ZERO))
        .thenPublishesThen(new Effect.ReleaseContainer());
  }

  @Test
  void created_configRejected_failsWithEveryProblemInErr() {
    var then = given(created(RestartPolicy.ALWAYS))
        .when(configRejected(CONFIG_PROBLEMS + "; resources.mem: -1 is not a size"))
        .thenPhase(Phase.FAILED)
        .thenPublishesThen();
    assertThat(then.state().view().err())
        .isEqualTo(CONFIG_PROBLEMS + "; resources.mem: -1 is not a size");
    assertThat(then.state().view().up()).isFalse();
    assertThat(then.state().view().restarting()).isFalse();
  }

  @Test
  void starting_startupGraceFired_failsAndAbandonsStart() {
    var then = given(starting(RestartPolicy.ON_FAILURE))
        .when(timerFired(1, at(30)))
        .thenPhase(Phase.FAILED)
        .thenPublishesThen(new Effect.AbandonStart());
    assertThat(then.state().view().err()).contains("startup grace of 30000ms");
    assertThat(then.state().view().restarting()).isFalse();
  }

  @Test
  void failed_lateSpawnedAfterAbandonedStart_killsTheOrphan() {
    ContainerState abandoned = apply(starting(RestartPolicy.ALWAYS), timerFired(1, at(30)));
    given(abandoned)
        .when(spawned(PID, at(31)))
        .thenState(abandoned)
        .thenEffects(new Effect.SendSignal(PID, Signal.KILL));
  }

  @Test
  void running_duplicateSpawnedForItsOwnPid_changesNothing() {
    ContainerState running = running(RestartPolicy.ALWAYS);
    given(running).when(spawned(running.pid(), at(40))).thenUnchanged();
  }

  @Test
  void created_adopted_runsWithRestoredCounters() {
    var then = given(created(RestartPolicy.ALWAYS))
        .when(new Event.Adopted(900, 3, 4, 2, 5_000, at(0)))
        .thenPhase(Phase.RUNNING)
        .thenGoal(Goal.UP)
        .thenView(new ContainerProcessState(
            true, true, "", ExitStatus.NONE, 4, 2, new Metrics(5_000, 0, 0)))
        .thenPublishesThen();
    assertThat(then.state().pid()).isEqualTo(900);
  }

  @Test
  void adopted_exitWithOomAboveAdoptedBaseline_countsOnTopOfRestoredOoms() {
    ContainerState adopted = apply(created(RestartPolicy.NO), new Event.Adopted(900, 3, 4, 2, 0, at(0)));
    given(adopted)
        .when(signaledWith(900, 9, 4, at(60)))
        .thenView(view(false, false, new ExitStatus.OomKilled(), 4, 3));
  }

  @Test
  void running_startRequested_changesNothing() {
    given(running(RestartPolicy.ALWAYS)).when(startRequested(at(5))).thenUnchanged();
  }

  @Test
  void running_configRejected_changesNothing() {
    given(running(RestartPolicy.ALWAYS)).when(configRejected("late")).thenUnchanged();
  }

  @Test
  void running_adopted_changesNothing() {
    given(running(RestartPolicy.ALWAYS))
        .when(new Event.Adopted(901, 0, 0, 0, 0, at(5)))
        .thenUnchanged();
  }

  @Test
  void running_spawnFailed_changesNothing() {
    given(running(RestartPolicy.ALWAYS)).when(spawnFailed("late", at(5))).thenUnchanged();
  }

  @Test
  void failed_startRequested_neverStarts() {
    ContainerState failed = apply(created(RestartPolicy.ALWAYS), configRejected(CONFIG_PROBLEMS));
    given(failed).when(startRequested(at(1))).thenUnchanged();
  }

  @Test
  void failed_exitRequested_keepsErrInFinalView() {
    ContainerState failed = apply(created(RestartPolicy.ALWAYS), configRejected(CONFIG_PROBLEMS));
    var then = given(failed).when(command(Command.EXIT, at(1))).thenPhase(Phase.TERMINATED);
    assertThat(then.state().view().err()).isEqualTo(CONFIG_PROBLEMS);
  }
}
