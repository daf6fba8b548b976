package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.at;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.exited;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.exitedWith;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.sampled;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.signaledWith;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.spawned;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.began;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.nothingFound;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.timerFired;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleFixture.given;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleFixture.view;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.PID;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.apply;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.created;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.killing;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.running;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.stopping;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.container.WaitStatus;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC §6, second bullet: the container's exit, OOM detection, and the restart policy. */
class ExitingTest {

  private static final Duration FIRST_DELAY = Duration.ofSeconds(1);

  /** Exits nobody asked for, with the status each must be reported as. */
  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(exitedWith(PID, 3, at(3)), new ExitStatus.Exited(3)),
        Arguments.of(signaledWith(PID, 15, 0, at(3)), new ExitStatus.Signaled(15)),
        Arguments.of(signaledWith(PID, 9, 1, at(3)), new ExitStatus.OomKilled()),
        Arguments.of(exited(PID, new WaitStatus.Unknown(), Metrics.ZERO, at(3)), new ExitStatus.Unknown()));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void running_exitedWithPolicyNo_staysDownAndReleases(Event.Exited exit, ExitStatus status) {
    given(running(RestartPolicy.NO))
        .when(exit)
        .thenPhase(Phase.DOWN)
        .thenView(view(false, false, status, 0, status instanceof ExitStatus.OomKilled ? 1 : 0))
        .thenPublishesThen(new Effect.ReleaseContainer());
  }

  @Test
  void running_exitedZeroWithOnFailure_staysDown() {
    given(running(RestartPolicy.ON_FAILURE))
        .when(exitedWith(PID, 0, at(3)))
        .thenPhase(Phase.DOWN)
        .thenView(view(false, false, new ExitStatus.Exited(0), 0, 0))
        .thenPublishesThen(new Effect.ReleaseContainer());
  }

  @ParameterizedTest
  @MethodSource("failures")
  void running_failureWithOnFailure_publishesRestartingAndArmsRestartDelay(
      Event.Exited exit, ExitStatus status) {
    var then = given(running(RestartPolicy.ON_FAILURE))
        .when(exit)
        .thenPhase(Phase.BACKOFF)
        .thenView(view(false, true, status, 0, status instanceof ExitStatus.OomKilled ? 1 : 0));
    then.thenPublishesThen(
        new Effect.ReleaseContainer(), new Effect.ArmTimer(then.state().timerToken(), FIRST_DELAY));
  }

  @Test
  void running_exitedZeroWithAlways_restartsAnyway() {
    var then = given(running(RestartPolicy.ALWAYS))
        .when(exitedWith(PID, 0, at(3)))
        .thenPhase(Phase.BACKOFF)
        .thenView(view(false, true, new ExitStatus.Exited(0), 0, 0));
    then.thenPublishesThen(
        new Effect.ReleaseContainer(), new Effect.ArmTimer(then.state().timerToken(), FIRST_DELAY));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void stopping_exited_neverRestartsEvenWithAlways(Event.Exited exit, ExitStatus status) {
    given(stopping(RestartPolicy.ALWAYS))
        .when(exit)
        .thenPhase(Phase.DOWN)
        .thenView(view(false, false, status, 0, status instanceof ExitStatus.OomKilled ? 1 : 0))
        .thenPublishesThen(new Effect.ReleaseContainer());
  }

  @Test
  void killing_exitedBySigkill_neverRestartsEvenWithAlways() {
    given(killing(RestartPolicy.ALWAYS))
        .when(signaledWith(PID, 9, 0, at(3)))
        .thenPhase(Phase.DOWN)
        .thenView(view(false, false, new ExitStatus.Signaled(9), 0, 0))
        .thenPublishesThen(new Effect.ReleaseContainer());
  }

  @Test
  void running_sigkillWithOomCounterRise_isOomKilledAndCountsOom() {
    ContainerState running = apply(
        created(RestartPolicy.NO), began(at(0)), nothingFound(at(0)), spawned(PID, 2, at(1)));
    given(running)
        .when(signaledWith(PID, 9, 3, at(3)))
        .thenView(view(false, false, new ExitStatus.OomKilled(), 0, 1));
  }

  @Test
  void childOomKilledEarlier_thenOperatorKill_isSignaledNineNotAnOomKill() {
    ContainerState running = apply(
        created(RestartPolicy.NO), began(at(0)), nothingFound(at(0)), spawned(PID, 2, at(1)));
    ContainerState killing = apply(running, LifecycleEvents.command(Command.KILL, at(2)));
    given(killing)
        .when(signaledWith(PID, 9, 3, at(3)))
        .thenView(view(false, false, new ExitStatus.Signaled(9), 0, 0));
  }

  @Test
  void stopGraceRanOut_sigkillAfterAChildOom_isSignaledNine() {
    ContainerState stopping = apply(
        created(RestartPolicy.NO), began(at(0)), nothingFound(at(0)), spawned(PID, 2, at(1)),
        LifecycleEvents.command(Command.STOP, at(2)));
    ContainerState killing = apply(stopping, timerFired(stopping.timerToken(), at(20)));
    given(killing)
        .when(signaledWith(PID, 9, 5, at(21)))
        .thenView(view(false, false, new ExitStatus.Signaled(9), 0, 0));
  }

  @Test
  void running_sigkillWithoutOomCounterRise_isSignaledNine() {
    ContainerState running = apply(
        created(RestartPolicy.NO), began(at(0)), nothingFound(at(0)), spawned(PID, 2, at(1)));
    given(running)
        .when(signaledWith(PID, 9, 2, at(3)))
        .thenView(view(false, false, new ExitStatus.Signaled(9), 0, 0));
  }

  @Test
  void running_oomCounterAlreadyHighAtStart_gracefulExitIsNoOom() {
    ContainerState running = apply(
        created(RestartPolicy.NO), began(at(0)), nothingFound(at(0)), spawned(PID, 7, at(1)));
    given(running)
        .when(new Event.Exited(PID, new WaitStatus.Exited(0), 7, Metrics.ZERO, at(3)))
        .thenView(view(false, false, new ExitStatus.Exited(0), 0, 0));
    given(running)
        .when(signaledWith(PID, 9, 7, at(3)))
        .thenView(view(false, false, new ExitStatus.Signaled(9), 0, 0));
  }

  @Test
  void running_termWhileOomCounterRose_isStillSignaledTerm() {
    given(running(RestartPolicy.NO))
        .when(signaledWith(PID, 15, 1, at(3)))
        .thenView(view(false, false, new ExitStatus.Signaled(15), 0, 0));
  }

  @Test
  void running_exitedWithUnknownPid_isIgnored() {
    given(running(RestartPolicy.ALWAYS)).when(exitedWith(PID + 1, 1, at(3))).thenUnchanged();
  }

  @Test
  void backoff_exitedAgain_isIgnored() {
    ContainerState backoff = apply(running(RestartPolicy.ALWAYS), exitedWith(PID, 1, at(3)));
    given(backoff).when(exitedWith(PID, 1, at(4))).thenUnchanged();
  }

  @Test
  void running_exited_addsLargerOfLastAndFinalSampleToCpuTime() {
    ContainerState sampled = apply(running(RestartPolicy.ALWAYS), sampled(new Metrics(100, 10, 64), at(2)));
    var then = given(sampled)
        .when(exited(PID, new WaitStatus.Exited(1), new Metrics(250, 5, 64), at(3)));
    assertThat(then.state().view().metrics())
        .as("cpu of the final sample; memory of the last sample of the run")
        .isEqualTo(new Metrics(250, 10, 64));
    ContainerState restarted = apply(then.state(),
        timerFired(then.state().timerToken(), at(4)), spawned(PID + 1, at(5)),
        sampled(new Metrics(40, 20, 64), at(6)));
    assertThat(restarted.view().metrics()).isEqualTo(new Metrics(290, 20, 64));
  }

  @Test
  void running_exitedWithUnreadableFinalSample_keepsLastSampledCpuTime() {
    ContainerState sampled = apply(running(RestartPolicy.NO), sampled(new Metrics(100, 10, 64), at(2)));
    given(sampled)
        .when(exited(PID, new WaitStatus.Exited(1), Metrics.ZERO, at(3)))
        .thenView(new ContainerProcessState(
            false, false, "", new ExitStatus.Exited(1), 0, 0, new Metrics(100, 10, 64)));
  }

  @Test
  void restartedRuns_exited_cpuTimeIsCumulativeAndNeverDecreases() {
    ContainerState state = running(RestartPolicy.ALWAYS);
    long lastCpu = 0;
    for (int run = 0; run < 4; run++) {
      int pid = PID + run;
      state = apply(state, sampled(new Metrics(1_000, 1, 1), at(10L * run + 2)));
      assertThat(state.view().metrics().cpuTimeNanos()).isGreaterThanOrEqualTo(lastCpu);
      state = apply(state, exitedWith(pid, 1, at(10L * run + 3)));
      assertThat(state.view().metrics().cpuTimeNanos()).isEqualTo(1_000L * (run + 1));
      lastCpu = state.view().metrics().cpuTimeNanos();
      state = apply(state,
          timerFired(state.timerToken(), at(10L * run + 8)), spawned(pid + 1, at(10L * run + 9)));
      assertThat(state.view().metrics().cpuTimeNanos()).isEqualTo(lastCpu);
    }
  }
}
