package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.at;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.atMillis;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.exitedWith;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.signaledWith;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.spawned;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.timerFired;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleFixture.given;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleFixture.view;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.PID;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.STARTUP_GRACE;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.apply;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.backoff;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §6, third bullet: the restart after the restart delay, and the back-off of quick crashes. */
class RestartingTest {

  @Test
  void backoff_restartTimerFired_asksForStartWithoutVisibleChange() {
    ContainerState backoff = backoff(RestartPolicy.ON_FAILURE);
    long restartToken = backoff.timerToken();
    var then = given(backoff)
        .when(timerFired(restartToken, at(4)))
        .thenPhase(Phase.STARTING)
        .thenView(view(false, true, new ExitStatus.Exited(1), 0, 0));
    assertThat(then.state().timerToken()).isGreaterThan(restartToken);
    then.thenEffects(
        new Effect.StartContainer(), new Effect.ArmTimer(then.state().timerToken(), STARTUP_GRACE));
  }

  @Test
  void restarting_spawned_countsRestartAndClearsExitStatus() {
    ContainerState restarting = apply(backoff(RestartPolicy.ALWAYS), timerFired(2, at(4)));
    given(restarting)
        .when(spawned(PID + 1, at(5)))
        .thenPhase(Phase.RUNNING)
        .thenView(view(true, true, ExitStatus.NONE, 1, 0))
        .thenPublishesThen(new Effect.WatchExit(PID + 1));
  }

  @Test
  void restarting_spawnRefused_failsKeepingLastExitAndCounters() {
    ContainerState restarting = apply(backoff(RestartPolicy.ALWAYS), timerFired(2, at(4)));
    var then = given(restarting)
        .when(LifecycleEvents.spawnRefused("rootfs/dev is a symlink", at(5)))
        .thenPhase(Phase.FAILED)
        .thenPublishesThen(new Effect.ReleaseContainer());
    assertThat(then.state().view())
        .isEqualTo(new ContainerProcessState(false, false, "rootfs/dev is a symlink", new ExitStatus.Exited(1), 0,
            0, then.state().view().metrics()));
  }

  @Test
  void restarting_stoppedWhileTheStartFails_isDownAsItLastEnded() {
    ContainerState restarting = apply(backoff(RestartPolicy.ALWAYS), timerFired(2, at(4)),
        LifecycleEvents.command(Command.STOP, at(4)));
    given(restarting)
        .when(LifecycleEvents.spawnFailed("cgroup busy", at(5)))
        .thenPhase(Phase.DOWN)
        .thenView(view(false, false, new ExitStatus.Exited(1), 0, 0));
  }

  @Test
  void quickCrashes_restartDelay_doublesAndIsCapped() {
    assertThat(restartDelaysOfCrashesAfter(Duration.ofMillis(500), 8))
        .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
  }

  @Test
  void longRun_exited_resetsRestartDelayToBase() {
    List<Long> quick = restartDelaysOfCrashesAfter(Duration.ofMillis(500), 3);
    assertThat(quick).containsExactly(1L, 2L, 4L);
    assertThat(restartDelaysOfCrashesAfter(Duration.ofSeconds(10), 3))
        .as("each run lasted the back-off's resetAfter")
        .containsExactly(1L, 1L, 1L);
  }

  @Test
  void quickCrashesThenLongRun_exited_restartsAfterBaseAgain() {
    ContainerState state = running(RestartPolicy.ON_FAILURE);
    state = apply(state, signaledWith(PID, 11, 0, atMillis(1_500)));
    state = apply(state, timerFired(state.timerToken(), atMillis(2_500)), spawned(PID + 1, atMillis(2_600)));
    var second = given(state).when(exitedWith(PID + 1, 1, atMillis(3_000)));
    assertThat(armedDelay(second.effects())).isEqualTo(2);
    state = apply(second.state(),
        timerFired(second.state().timerToken(), atMillis(5_000)), spawned(PID + 2, atMillis(5_100)));
    var afterLongRun = given(state).when(exitedWith(PID + 2, 1, atMillis(5_100 + 60_000)));
    assertThat(armedDelay(afterLongRun.effects())).isEqualTo(1);
    assertThat(afterLongRun.state().view().restarts()).isEqualTo(2);
  }

  /** Crashes the container {@code crashes} times, each run lasting {@code uptime}; the armed delays. */
  private static List<Long> restartDelaysOfCrashesAfter(Duration uptime, int crashes) {
    List<Long> delays = new ArrayList<>();
    Instant now = at(1);
    ContainerState state = running(RestartPolicy.ALWAYS);
    for (int i = 0; i < crashes; i++) {
      now = now.plus(uptime);
      Transition exit = Lifecycle.next(state, exitedWith(state.pid(), 1, now));
      long delay = armedDelay(exit.effects());
      delays.add(delay);
      now = now.plusSeconds(delay);
      state = apply(exit.state(), timerFired(exit.state().timerToken(), now), spawned(PID + i + 1, now));
      assertThat(state.view().restarts()).isEqualTo(i + 1);
    }
    return delays;
  }

  private static long armedDelay(List<Effect> effects) {
    return effects.stream()
        .filter(Effect.ArmTimer.class::isInstance)
        .map(e -> ((Effect.ArmTimer) e).delay().toSeconds())
        .findFirst()
        .orElseThrow();
  }
}
