package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.at;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.began;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.command;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.exitedWith;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.nothingFound;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.signal;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.signaledWith;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.spawnFailed;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.spawnRefused;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.spawned;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.surveyed;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.timerFired;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleFixture.given;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleFixture.view;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.CONFIG_PROBLEMS;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.PID;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.SHUTDOWN_GRACE;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.STARTUP_GRACE;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.apply;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.created;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.failed;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.running;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.starting;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.container.Signal;
import io.harpoon.supervisor.domain.lifecycle.Event.Found;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SPEC §6 first bullet and §8: supervision begins, what a predecessor left is surveyed (take over, clean
 * up and start, start afresh), the container is started, and what happens when that fails.
 */
class StartingTest {

  private static final ContainerProcessState UP_WITH_HISTORY =
      new ContainerProcessState(true, true, "", ExitStatus.NONE, 4, 2, Metrics.ZERO);

  @ParameterizedTest
  @EnumSource(RestartPolicy.class)
  void created_began_surveysWithoutPublishingAnythingNew(RestartPolicy policy) {
    given(created(policy)).when(began(at(0))).thenPhase(Phase.CREATED).thenEffects(new Effect.Survey());
  }

  @ParameterizedTest
  @EnumSource(RestartPolicy.class)
  void rejectedConfig_began_publishesTheFailureSoTheJournalHoldsIt(RestartPolicy policy) {
    ContainerState rejected = failed(policy);
    given(rejected).when(began(at(0))).thenState(rejected).thenPublishesThen();
  }

  @ParameterizedTest
  @EnumSource(RestartPolicy.class)
  void fresh_nothingFound_startsWithTheStartupGraceAndStillShowsWillRun(RestartPolicy policy) {
    ContainerState surveying = apply(created(policy), began(at(0)));
    given(surveying)
        .when(nothingFound(at(0)))
        .thenPhase(Phase.STARTING)
        .thenView(view(false, true, ExitStatus.NONE, 0, 0))
        .thenEffects(new Effect.StartContainer(), new Effect.ArmTimer(1, STARTUP_GRACE));
  }

  @Test
  void cleanUp_stoppedContainerFound_isReleasedThenStartedWithTheJournaledCounters() {
    Checkpoint journal = new Checkpoint(UP_WITH_HISTORY, 900, 3, 5_000, Goal.UP, at(-5));
    var then = given(created(RestartPolicy.ALWAYS))
        .when(surveyed(new Found.Stopped(), journal, at(0)))
        .thenPhase(Phase.STARTING)
        .thenPublishesThen(new Effect.ReleaseContainer(), new Effect.StartContainer(),
            new Effect.ArmTimer(1, STARTUP_GRACE));
    assertThat(then.state().view()).isEqualTo(
        new ContainerProcessState(false, true, "", ExitStatus.NONE, 4, 2, new Metrics(5_000, 0, 0)));
  }

  @Test
  void fresh_finishedJournal_startsFromZero() {
    ContainerProcessState finished =
        new ContainerProcessState(false, false, "", new ExitStatus.Exited(0), 4, 2, Metrics.ZERO);
    Checkpoint journal = new Checkpoint(finished, 0, 3, 5_000, Goal.UP, at(-5));
    given(created(RestartPolicy.ALWAYS))
        .when(surveyed(new Found.Nothing(), journal, at(0)))
        .thenPhase(Phase.STARTING)
        .thenView(view(false, true, ExitStatus.NONE, 0, 0));
  }

  @Test
  void adopt_runningContainerOfTheJournal_runsOnWithItsCountersAndIsWatched() {
    Checkpoint journal = new Checkpoint(UP_WITH_HISTORY, 900, 3, 5_000, Goal.UP, at(-5));
    var then = given(created(RestartPolicy.ALWAYS))
        .when(surveyed(new Found.Running(900, 7), journal, at(0)))
        .thenPhase(Phase.RUNNING)
        .thenGoal(Goal.UP)
        .thenView(new ContainerProcessState(true, true, "", ExitStatus.NONE, 4, 2, new Metrics(5_000, 0, 0)))
        .thenPublishesThen(new Effect.WatchExit(900));
    assertThat(then.state().run().oomBaseline()).as("the journal's baseline").isEqualTo(3);
  }

  @Test
  void adopt_runningContainerTheJournalDoesNotKnow_startsItsCountsFromNow() {
    Checkpoint otherPid = new Checkpoint(UP_WITH_HISTORY, 800, 3, 5_000, Goal.UP, at(-5));
    var then = given(created(RestartPolicy.ALWAYS))
        .when(surveyed(new Found.Running(900, 7), otherPid, at(0)))
        .thenView(view(true, true, ExitStatus.NONE, 0, 0))
        .thenPublishesThen(new Effect.WatchExit(900));
    assertThat(then.state().run().oomBaseline()).as("the cgroup's counter now").isEqualTo(7);
  }

  @Test
  void adopted_exitWithOomAboveAdoptedBaseline_countsOnTopOfRestoredOoms() {
    Checkpoint journal = new Checkpoint(UP_WITH_HISTORY, 900, 3, 0, Goal.UP, at(-5));
    ContainerState adopted = apply(created(RestartPolicy.NO), surveyed(new Found.Running(900, 3), journal, at(0)));
    given(adopted)
        .when(signaledWith(900, 9, 4, at(60)))
        .thenView(view(false, false, new ExitStatus.OomKilled(), 4, 3));
  }

  @Test
  void adopt_stopUnderWayInTheJournal_goesOnWithWhatIsLeftOfTheGraceWithoutASecondTerm() {
    ContainerProcessState stopping = new ContainerProcessState(true, false, "", ExitStatus.NONE, 4, 2, Metrics.ZERO);
    Checkpoint journal = new Checkpoint(stopping, 900, 3, 0, Goal.STOP, at(-4));
    var then = given(created(RestartPolicy.ALWAYS))
        .when(surveyed(new Found.Running(900, 3), journal, at(0)))
        .thenPhase(Phase.STOPPING)
        .thenGoal(Goal.STOP)
        .thenPublishesThen(new Effect.WatchExit(900), new Effect.ArmTimer(1, SHUTDOWN_GRACE.minusSeconds(4)));
    assertThat(then.state().view().restarting()).as("no restart after the stop").isFalse();
    given(then.state()).when(timerFired(1, at(6)))
        .thenPhase(Phase.KILLING)
        .thenEffects(new Effect.SendSignal(900, Signal.KILL));
  }

  @Test
  void adopt_stopWhoseGraceRanOutWhileNobodySupervised_killsAtOnce() {
    ContainerProcessState stopping = new ContainerProcessState(true, false, "", ExitStatus.NONE, 0, 0, Metrics.ZERO);
    Checkpoint journal = new Checkpoint(stopping, 900, 0, 0, Goal.STOP, at(-60));
    given(created(RestartPolicy.ALWAYS))
        .when(surveyed(new Found.Running(900, 0), journal, at(0)))
        .thenPhase(Phase.STOPPING)
        .thenPublishesThen(new Effect.WatchExit(900), new Effect.ArmTimer(1, Duration.ZERO));
  }

  @Test
  void adopt_killUnderWayInTheJournal_killsAgain() {
    ContainerProcessState killing = new ContainerProcessState(true, false, "", ExitStatus.NONE, 0, 0, Metrics.ZERO);
    Checkpoint journal = new Checkpoint(killing, 900, 0, 0, Goal.KILL, at(-1));
    given(created(RestartPolicy.ALWAYS))
        .when(surveyed(new Found.Running(900, 0), journal, at(0)))
        .thenPhase(Phase.KILLING)
        .thenPublishesThen(new Effect.WatchExit(900), new Effect.SendSignal(900, Signal.KILL));
  }

  @Test
  void stopUnderWayInTheJournal_containerGone_isDownWithAnUnobservedExitAndNeverStarted() {
    ContainerProcessState stopping = new ContainerProcessState(true, false, "", ExitStatus.NONE, 1, 0, Metrics.ZERO);
    Checkpoint journal = new Checkpoint(stopping, 900, 0, 0, Goal.STOP, at(-1));
    given(created(RestartPolicy.ALWAYS))
        .when(surveyed(new Found.Stopped(), journal, at(0)))
        .thenPhase(Phase.DOWN)
        .thenView(view(false, false, new ExitStatus.Unknown(), 1, 0))
        .thenPublishesThen(new Effect.ReleaseContainer());
  }

  @Test
  void foreignContainerWithOurId_isNeverTouchedAndFailsWithErr() {
    var then = given(created(RestartPolicy.ALWAYS))
        .when(surveyed(new Found.Foreign("/srv/other-run-dir"), null, at(0)))
        .thenPhase(Phase.FAILED)
        .thenPublishesThen();
    assertThat(then.state().view().err()).contains("/srv/other-run-dir").contains("another ID");
  }

  @Test
  void created_stopBeforeTheSurvey_adoptsThenStops() {
    ContainerState stopAsked = apply(created(RestartPolicy.ALWAYS), began(at(0)), command(Command.STOP, at(0)));
    given(stopAsked)
        .when(surveyed(new Found.Running(900, 0), null, at(1)))
        .thenPhase(Phase.STOPPING)
        .thenPublishesThen(new Effect.WatchExit(900), new Effect.SendSignal(900, Signal.TERM),
            new Effect.ArmTimer(1, SHUTDOWN_GRACE));
  }

  @Test
  void created_signalBeforeTheSurvey_nothingFound_failsAndTerminates() {
    ContainerState signalled = apply(created(RestartPolicy.ALWAYS), began(at(0)), signal(at(0)));
    var then = given(signalled).when(nothingFound(at(1))).thenPhase(Phase.TERMINATED);
    assertThat(then.effects()).last().isEqualTo(new Effect.Terminate(0));
    assertThat(then.effects()).noneMatch(Effect.StartContainer.class::isInstance);
  }

  @ParameterizedTest
  @EnumSource(RestartPolicy.class)
  void starting_spawned_publishesUpAndRestartingPerPolicyAndWatchesTheProcess(RestartPolicy policy) {
    given(starting(policy))
        .when(spawned(PID, at(1)))
        .thenPhase(Phase.RUNNING)
        .thenGoal(Goal.UP)
        .thenView(view(true, policy.mayRestart(), ExitStatus.NONE, 0, 0))
        .thenPublishesThen(new Effect.WatchExit(PID));
  }

  @ParameterizedTest
  @EnumSource(RestartPolicy.class)
  void firstStart_spawnFailed_isFinalWithErrWhateverThePolicy(RestartPolicy policy) {
    given(starting(policy))
        .when(spawnFailed("runc create: exec: \"nope\": executable file not found", at(1)))
        .thenPhase(Phase.FAILED)
        .thenView(new ContainerProcessState(false, false,
            "runc create: exec: \"nope\": executable file not found", ExitStatus.NONE, 0, 0, Metrics.ZERO))
        .thenPublishesThen(new Effect.ReleaseContainer());
  }

  @ParameterizedTest
  @EnumSource(value = RestartPolicy.class, names = {"ON_FAILURE", "ALWAYS"})
  void restart_transientSpawnFailure_isRetriedWithTheBackoffAndNoErr(RestartPolicy policy) {
    ContainerState restarting = apply(running(policy), exitedWith(PID, 1, at(3)), timerFired(2, at(4)));
    var then = given(restarting)
        .when(spawnFailed("cannot write config.json: No space left on device", at(5)))
        .thenPhase(Phase.BACKOFF)
        .thenView(view(false, true, new ExitStatus.Exited(1), 0, 0));
    assertThat(then.effects()).contains(new Effect.ReleaseContainer());
    assertThat(then.effects()).filteredOn(Effect.ArmTimer.class::isInstance).hasSize(1);
    assertThat(then.state().counters().quickFailures()).isEqualTo(2);
  }

  @Test
  void restart_permanentRefusal_isFinalWithErr() {
    ContainerState restarting = apply(running(RestartPolicy.ALWAYS), exitedWith(PID, 1, at(3)), timerFired(2, at(4)));
    var then = given(restarting)
        .when(spawnRefused("volume /logs: '/srv/a/logs' is a symlink", at(5)))
        .thenPhase(Phase.FAILED);
    assertThat(then.state().view().err()).contains("symlink");
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
  void running_lateSurveyOrBegan_changesNothing() {
    given(running(RestartPolicy.ALWAYS)).when(nothingFound(at(5))).thenUnchanged();
    given(running(RestartPolicy.ALWAYS)).when(began(at(5))).thenUnchanged();
    given(running(RestartPolicy.ALWAYS)).when(surveyed(new Found.Running(901, 0), null, at(5))).thenUnchanged();
  }

  @Test
  void running_spawnFailed_changesNothing() {
    given(running(RestartPolicy.ALWAYS)).when(spawnFailed("late", at(5))).thenUnchanged();
  }

  @Test
  void failed_surveyed_neverStarts() {
    given(failed(RestartPolicy.ALWAYS)).when(nothingFound(at(1))).thenUnchanged();
  }

  @Test
  void failed_exitRequested_keepsErrInFinalView() {
    var then = given(failed(RestartPolicy.ALWAYS)).when(command(Command.EXIT, at(1))).thenPhase(Phase.TERMINATED);
    assertThat(then.state().view().err()).isEqualTo(CONFIG_PROBLEMS);
  }
}
