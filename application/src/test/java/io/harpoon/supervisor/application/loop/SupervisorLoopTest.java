package io.harpoon.supervisor.application.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.application.fake.RecordingSubscriber;
import io.harpoon.supervisor.application.port.out.ConfigLoad;
import io.harpoon.supervisor.application.port.out.ContainerRuntime;
import io.harpoon.supervisor.domain.container.ConfigDraft;
import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.container.WaitStatus;
import io.harpoon.supervisor.domain.lifecycle.Command;
import io.harpoon.supervisor.domain.lifecycle.Checkpoint;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import io.harpoon.supervisor.domain.lifecycle.Goal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SupervisorLoopTest {

  @Test
  void created_startRequested_createsThenStartsAndPublishesUp() {
    LoopHarness h = LoopHarness.withPolicy("on-failure", "5s").settle();

    assertThat(h.runtime.calls()).containsExactly("leftover c1", "create c1", "start c1");
    assertThat(h.current().up()).isTrue();
    assertThat(h.current().restarting()).isTrue();
    assertThat(h.journal.last().orElseThrow().pid()).isEqualTo(h.pid());
  }

  @Test
  void running_justStarted_handsTheRunningStateToTheHookOnTheWorker() {
    LoopHarness h = LoopHarness.withPolicy("always", "5s");
    while (!h.current().up()) {
      h.worker.runAll();
      h.loop.runPending();
    }
    List<String> logged = List.copyOf(h.log.lines());
    int journaled = h.journal.entries().size();
    assertThat(h.runningHookCalls).as("not on the loop's thread").isEmpty();
    assertThat(h.worker.pending()).as("the hook, queued once the container is up").isEqualTo(1);

    h.worker.runAll();

    assertThat(h.runningHookCalls).containsExactly(h.pid() + " at " + h.time.instant());
    assertThat(h.loop.runPending()).as("events posted through the hook").isZero();
    assertThat(h.runtime.calls()).containsExactly("leftover c1", "create c1", "start c1");
    assertThat(h.log.lines()).isEqualTo(logged);
    assertThat(h.journal.entries()).hasSize(journaled);
    assertThat(h.current().up()).isTrue();
  }

  @Test
  void created_notBegun_asksTheRuntimeNothingUntilBegunOnce() {
    LoopHarness h = LoopHarness.notBegun().settle();
    assertThat(h.runtime.calls()).as("no take-over check before the socket is owned").isEmpty();

    h.loop.begin();
    h.loop.begin();
    h.settle();

    assertThat(h.runtime.calls()).containsExactly("leftover c1", "create c1", "start c1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"no", "on-failure", "always"})
  void startUp_clientConnectedBeforeBegin_seesOnlyWillRunUntilUp(String policy) {
    LoopHarness h = LoopHarness.notBegun(policy);
    RecordingSubscriber early = RecordingSubscriber.subscribe(h.loop.states());

    h.loop.begin();
    h.settle();

    List<ContainerProcessState> seen = early.drain();
    assertThat(seen).as("states until up").isNotEmpty();
    assertThat(seen.get(0)).as("the state served before agent.json is acted on")
        .satisfies(s -> assertThat(s.up()).isFalse(), s -> assertThat(s.restarting()).isTrue());
    assertThat(seen).as("never up:false + restarting:false while starting")
        .allMatch(s -> s.up() || s.restarting());
    assertThat(seen.get(seen.size() - 1).up()).isTrue();
    assertThat(h.send(Command.EXIT)).as("exit refused while it runs").hasSize(1);
  }

  @Test
  void rejectedConfig_firstStateAnyClientSees_carriesErrAndIsJournaledOnBegin() {
    LoopHarness h = LoopHarness.rejectedNotBegun("restart: 'sometimes' is not one of no, on-failure, always");
    RecordingSubscriber early = RecordingSubscriber.subscribe(h.loop.states());

    assertThat(early.drain()).singleElement().satisfies(s -> {
      assertThat(s.up()).isFalse();
      assertThat(s.restarting()).isFalse();
      assertThat(s.err()).startsWith("restart: 'sometimes'");
    });
    assertThat(h.journal.entries()).as("nothing recorded before the socket is owned").isEmpty();

    h.loop.begin();
    h.settle();

    assertThat(h.journal.last().orElseThrow().state().err()).startsWith("restart: 'sometimes'");
    assertThat(h.runtime.calls()).as("a rejected config never reaches the runtime").isEmpty();
    assertThat(h.send(Command.EXIT)).isEmpty();
    assertThat(h.loop.exitCode()).hasValue(0);
  }

  @Test
  void restart_createFailsWithAFullDisk_isRetriedWithTheBackoffNotFinal() {
    LoopHarness h = LoopHarness.withPolicy("on-failure", "5s").settle();
    h.runtime.failNextCreate("cannot write config.json: No space left on device");
    h.runtime.exit(h.pid(), new WaitStatus.Exited(1));
    h.advance(Duration.ofMillis(1_100));

    assertThat(h.current().up()).isFalse();
    assertThat(h.current().restarting()).as("a transient failure is retried").isTrue();
    assertThat(h.current().err()).isEmpty();
    assertThat(h.log.lines()).anyMatch(l -> l.contains("No space left on device"));

    h.advance(Duration.ofMillis(2_100));
    assertThat(h.current().up()).as("the retry after the doubled delay").isTrue();
    assertThat(h.current().restarts()).isEqualTo(1);
  }

  @Test
  void created_stoppedLeftoverContainer_isReleasedBeforeCreate() {
    LoopHarness h = LoopHarness.withPolicy("no", "5s");
    h.runtime.leaveContainer(new ContainerRuntime.Leftover(LoopHarness.ID, 0, LoopHarness.RUN_DIRECTORY));
    h.settle();

    assertThat(h.runtime.calls()).containsExactly("leftover c1", "release c1", "create c1", "start c1");
    assertThat(h.log.lines()).anyMatch(l -> l.contains("found the container stopped: removing it"));
  }

  @Test
  void created_runningLeftoverContainer_isTakenOverWithJournaledCountersAndNoRestart() {
    ContainerProcessState journaled = new ContainerProcessState(
        true, true, "", ExitStatus.NONE, 4, 1, new Metrics(900, 1, 1));
    LoopHarness h = LoopHarness.withPolicy("always", "5s",
        new Checkpoint(journaled, 4242, 3, 5_000, Goal.UP, Instant.EPOCH));
    h.runtime.leaveContainer(new ContainerRuntime.Leftover(LoopHarness.ID, 4242, LoopHarness.RUN_DIRECTORY));
    h.settle();

    assertThat(h.runtime.calls()).containsExactly("leftover c1");
    assertThat(h.current().up()).isTrue();
    assertThat(h.current().restarts()).isEqualTo(4);
    assertThat(h.current().ooms()).isEqualTo(1);
    assertThat(h.log.lines()).anyMatch(l -> l.contains("found the container running, pid 4242: taking it over"));

    h.metrics.setOomKills(3);
    h.runtime.exit(4242, new WaitStatus.Unknown());
    h.settle();
    assertThat(h.current().exitStatus()).isEqualTo(new ExitStatus.Unknown());
  }

  @Test
  void created_journalOfASupervisorThatDiedMidRun_continuesItsCounters() {
    ContainerProcessState journaled = new ContainerProcessState(
        false, true, "", new ExitStatus.Exited(1), 2, 1, new Metrics(900, 1, 1));
    LoopHarness h = LoopHarness.withPolicy("always", "5s",
        new Checkpoint(journaled, 0, 0, 7_000, Goal.UP, Instant.EPOCH));
    h.runtime.leaveContainer(new ContainerRuntime.Leftover(LoopHarness.ID, 0, LoopHarness.RUN_DIRECTORY));
    h.settle();

    assertThat(h.current().up()).isTrue();
    assertThat(h.current().restarts()).isEqualTo(2);
    assertThat(h.current().ooms()).isEqualTo(1);
    assertThat(h.current().metrics().cpuTimeNanos()).isEqualTo(7_000);
  }

  @Test
  void created_journalOfAFinishedSupervision_startsFromZero() {
    ContainerProcessState journaled = new ContainerProcessState(
        false, false, "", new ExitStatus.Exited(0), 5, 3, new Metrics(900, 1, 1));
    LoopHarness h = LoopHarness.withPolicy("always", "5s",
        new Checkpoint(journaled, 0, 0, 7_000, Goal.UP, Instant.EPOCH));
    h.settle();

    assertThat(h.current().restarts()).isZero();
    assertThat(h.current().ooms()).isZero();
    assertThat(h.current().metrics().cpuTimeNanos()).isZero();
  }

  @Test
  void created_containerWithOurIdFromAnotherRunDirectory_isNeitherAdoptedNorTouched() {
    LoopHarness h = LoopHarness.withPolicy("always", "5s");
    h.runtime.leaveContainer(new ContainerRuntime.Leftover(LoopHarness.ID, 4242, Path.of("/run/elsewhere")));
    h.settle();

    assertThat(h.runtime.calls()).containsExactly("leftover c1");
    assertThat(h.current().up()).isFalse();
    assertThat(h.current().restarting()).isFalse();
    assertThat(h.current().err()).contains("/run/elsewhere").contains("another ID");
    assertThat(h.send(Command.KILL)).containsExactly("kill: the container is not running");
    assertThat(h.runtime.calls()).as("the other container is never signalled").containsExactly("leftover c1");
  }

  @Test
  void created_stopUnderWayWhenThePredecessorDied_isFinishedWithTheGraceLeftThenKill() {
    ContainerProcessState journaled = new ContainerProcessState(
        true, false, "", ExitStatus.NONE, 0, 0, Metrics.ZERO);
    LoopHarness h = LoopHarness.withPolicy("always", "5s",
        new Checkpoint(journaled, 4242, 0, 0, Goal.STOP, LoopHarness.START.minusSeconds(2)));
    h.runtime.leaveContainer(new ContainerRuntime.Leftover(LoopHarness.ID, 4242, LoopHarness.RUN_DIRECTORY));
    h.settle();
    assertThat(h.current().up()).isTrue();
    assertThat(h.current().restarting()).as("never restarted").isFalse();

    h.advance(Duration.ofMillis(2_900));
    assertThat(h.runtime.calls()).as("no second SIGTERM, no SIGKILL before the 5 s grace is over")
        .containsExactly("leftover c1");
    h.advance(Duration.ofMillis(200));
    assertThat(h.runtime.calls()).containsExactly("leftover c1", "signal 4242 KILL");
  }

  @Test
  void adopted_oomCounterRoseBeforeAnUnobservableExit_isReportedAsOom() {
    LoopHarness h = LoopHarness.withPolicy("no", "5s");
    h.metrics.setOomKills(7);
    h.runtime.leaveContainer(new ContainerRuntime.Leftover(LoopHarness.ID, 4242, LoopHarness.RUN_DIRECTORY));
    h.settle();

    h.metrics.setOomKills(8);
    h.runtime.exit(4242, new WaitStatus.Unknown());
    h.settle();

    assertThat(h.current().exitStatus()).isEqualTo(new ExitStatus.OomKilled());
    assertThat(h.current().ooms()).isEqualTo(1);
    assertThat(h.current().restarting()).isFalse();
  }

  @Test
  void starting_createFails_reportsErrAndStillAcceptsExit() {
    LoopHarness h = LoopHarness.withPolicy("always", "5s");
    h.runtime.failNextCreate("runc: exec format error");
    h.settle();

    assertThat(h.current().up()).isFalse();
    assertThat(h.current().restarting()).isFalse();
    assertThat(h.current().err()).isEqualTo("runc: exec format error");
    assertThat(h.send(Command.EXIT)).isEmpty();
    assertThat(h.loop.exitCode()).hasValue(0);
  }

  @Test
  void created_invalidConfig_reportsEveryProblemAndNeverTouchesTheRuntime() {
    ConfigDraft draft = new ConfigDraft(java.util.Map.of(), List.of(), java.util.Map.of(),
        java.util.Map.of(), "", -1, 0, 0, java.util.Map.of(), java.util.Map.of(), "", "", "sometimes");
    LoopHarness h = new LoopHarness(new ConfigLoad(draft, List.of("rootfs: missing")), List.of("true"));
    h.settle();

    assertThat(h.current().err())
        .startsWith("rootfs: missing; ")
        .contains("restart: 'sometimes'")
        .contains("resources.mem");
    assertThat(h.runtime.calls()).isEmpty();
  }

  @Test
  void running_exitCommand_isRejectedOnThatConnectionOnly() {
    LoopHarness h = LoopHarness.withPolicy("no", "5s").settle();

    List<String> replies = h.send(Command.EXIT);

    assertThat(replies).containsExactly("exit: the container is up; stop or kill it first");
    assertThat(h.loop.exitCode()).isEmpty();
    assertThat(h.current().up()).isTrue();
  }

  @Test
  void commandFlood_beyondTheQueueBound_isRefusedAsBusyUntilTheLoopCatchesUp() {
    LoopHarness h = LoopHarness.withPolicy("no", "5s").settle();
    List<String> replies = new java.util.ArrayList<>();

    for (int i = 0; i < SupervisorLoop.MAX_QUEUED_COMMANDS + 10; i++) {
      h.loop.send(Command.EXIT, (c, reason) -> replies.add(reason));
    }
    assertThat(replies).hasSize(10).allMatch(r -> r.startsWith("busy"));

    h.settle();
    replies.clear();
    h.loop.send(Command.EXIT, (c, reason) -> replies.add(reason));
    h.settle();
    assertThat(replies).containsExactly("the container is up; stop or kill it first");
  }

  @Test
  void running_stop_sendsTermThenKillsWhenGraceRunsOut() {
    LoopHarness h = LoopHarness.withPolicy("always", "5s").settle();
    int pid = h.pid();

    h.send(Command.STOP);
    assertThat(h.current().restarting()).isFalse();
    assertThat(h.runtime.calls()).endsWith("signal " + pid + " TERM");

    h.advance(Duration.ofSeconds(5));
    assertThat(h.runtime.calls()).endsWith("signal " + pid + " KILL");

    h.runtime.exit(pid, new WaitStatus.Signaled(9));
    h.settle();
    assertThat(h.current().up()).isFalse();
    assertThat(h.current().exitStatus()).isEqualTo(new ExitStatus.Signaled(9));
    assertThat(h.runtime.calls()).endsWith("release c1");
  }

  @Test
  void running_stopHandledByContainer_goesDownWithoutKill() {
    LoopHarness h = LoopHarness.withPolicy("always", "5s").settle();
    h.runtime.dieOnSignal();

    h.send(Command.STOP);
    h.advance(Duration.ofSeconds(10));

    assertThat(h.runtime.calls()).noneMatch(c -> c.endsWith("KILL"));
    assertThat(h.current().exitStatus()).isEqualTo(new ExitStatus.Signaled(15));
    assertThat(h.send(Command.EXIT)).isEmpty();
    assertThat(h.loop.exitCode()).hasValue(0);
  }

  @Test
  void running_failureUnderOnFailure_restartsAfterTheRestartDelay() {
    LoopHarness h = LoopHarness.withPolicy("on-failure", "5s").settle();
    int first = h.pid();

    h.runtime.exit(first, new WaitStatus.Exited(3));
    h.settle();
    assertThat(h.current().up()).isFalse();
    assertThat(h.current().restarting()).isTrue();
    assertThat(h.current().exitStatus()).isEqualTo(new ExitStatus.Exited(3));

    h.advance(Duration.ofMillis(999));
    assertThat(h.current().up()).isFalse();
    h.advance(Duration.ofMillis(1));
    assertThat(h.current().up()).isTrue();
    assertThat(h.current().restarts()).isEqualTo(1);
    assertThat(h.pid()).isNotEqualTo(first);
    assertThat(h.current().exitStatus()).isEqualTo(ExitStatus.NONE);
  }

  @Test
  void running_cleanExitUnderOnFailure_staysDown() {
    LoopHarness h = LoopHarness.withPolicy("on-failure", "5s").settle();

    h.runtime.exit(h.pid(), new WaitStatus.Exited(0));
    h.advance(Duration.ofSeconds(60));

    assertThat(h.current().up()).isFalse();
    assertThat(h.current().restarting()).isFalse();
    assertThat(h.runtime.calls().stream().filter(c -> c.startsWith("create"))).hasSize(1);
  }

  @Test
  void running_sigkillWhileOomCounterRose_isReportedAsOom() {
    LoopHarness h = LoopHarness.withPolicy("no", "5s");
    h.metrics.setOomKills(2);
    h.settle();

    h.metrics.setOomKills(3);
    h.runtime.exit(h.pid(), new WaitStatus.Signaled(9));
    h.settle();

    assertThat(h.current().exitStatus()).isEqualTo(new ExitStatus.OomKilled());
    assertThat(h.current().ooms()).isEqualTo(1);
  }

  @Test
  void running_metricsTick_publishesSampleAndKeepsCpuAcrossRestarts() {
    LoopHarness h = LoopHarness.withPolicy("always", "5s");
    h.loop.startMetricsTicks();
    h.settle();
    RecordingSubscriber client = RecordingSubscriber.subscribe(h.loop.states());

    h.metrics.setSample(new Metrics(1_000, 4096, 64L << 20));
    h.advance(Duration.ofSeconds(3));
    assertThat(h.current().metrics()).isEqualTo(new Metrics(1_000, 4096, 64L << 20));

    h.metrics.setSample(new Metrics(1_500, 4096, 64L << 20));
    h.runtime.exit(h.pid(), new WaitStatus.Exited(1));
    h.settle();
    h.metrics.setSample(new Metrics(200, 1024, 64L << 20));
    h.advance(Duration.ofSeconds(3));

    assertThat(h.current().restarts()).isEqualTo(1);
    assertThat(h.current().metrics().cpuTimeNanos()).isEqualTo(1_700);
    assertThat(client.drain()).extracting(ContainerProcessState::up).contains(true, false);
  }

  @Test
  void running_firstSignalStopsAndTerminatesOnceDown() {
    LoopHarness h = LoopHarness.withPolicy("always", "5s").settle();
    int pid = h.pid();

    h.loop.terminationRequested();
    h.settle();
    assertThat(h.runtime.calls()).endsWith("signal " + pid + " TERM");
    assertThat(h.loop.exitCode()).isEmpty();

    h.runtime.exit(pid, new WaitStatus.Exited(0));
    h.settle();
    assertThat(h.loop.exitCode()).hasValue(0);
    assertThat(h.journal.last().orElseThrow().state().up()).isFalse();
  }

  @Test
  void stopping_secondSignalKills() {
    LoopHarness h = LoopHarness.withPolicy("always", "30s").settle();
    int pid = h.pid();

    h.loop.terminationRequested();
    h.loop.terminationRequested();
    h.settle();

    assertThat(h.runtime.calls()).endsWith("signal " + pid + " TERM", "signal " + pid + " KILL");
  }

  @Test
  void starting_runtimeHangs_givesUpAfterStartupGraceAndKillsALateContainer() {
    LoopHarness h = LoopHarness.withPolicy("always", "5s");
    h.loop.runPending();
    h.worker.runAll();
    h.loop.runPending();
    assertThat(h.runtime.calls()).as("surveyed, nothing started yet").containsExactly("leftover c1");
    assertThat(h.worker.pending()).as("the start, left hanging").isEqualTo(1);

    h.time.advance(Duration.ofMillis(4_999));
    h.loop.runPending();
    assertThat(h.current().err()).as("grace.startup 2s is raised to the 5 s floor").isEmpty();
    h.time.advance(Duration.ofMillis(1));
    h.loop.runPending();
    assertThat(h.current().err()).contains("did not start the container within the startup grace of 5000ms");
    assertThat(h.runtime.calls()).contains("abandon");

    h.settle();
    assertThat(h.runtime.calls()).contains("signal 100 KILL");
    assertThat(h.current().up()).isFalse();
  }

  @Test
  @Timeout(10)
  void run_returnsTheExitCodeOnceExitIsAccepted() throws InterruptedException {
    LoopHarness h = LoopHarness.withPolicy("no", "5s").settle();
    h.runtime.exit(h.pid(), new WaitStatus.Exited(0));
    h.loop.send(Command.EXIT, (c, r) -> { });

    assertThat(h.loop.run()).isZero();
  }

  @Test
  void publish_logsStateChangesButNotEveryMetricsSample() {
    LoopHarness h = LoopHarness.withPolicy("no", "5s");
    h.loop.startMetricsTicks();
    h.settle();
    int before = h.log.lines().size();

    for (int i = 1; i <= 3; i++) {
      h.metrics.setSample(new Metrics(i, 1, 1));
      h.advance(Duration.ofSeconds(3));
    }

    assertThat(h.log.lines()).hasSize(before);
    assertThat(h.journal.entries()).extracting(e -> e.state().metrics().cpuTimeNanos())
        .containsExactly(0L, 1L, 2L, 3L);
  }
}
