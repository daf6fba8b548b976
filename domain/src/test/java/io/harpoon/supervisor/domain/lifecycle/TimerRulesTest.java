package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.at;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.timerFired;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleFixture.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Timers are never cancelled: one whose token is not the one the state waits for changes nothing. */
class TimerRulesTest {

  @ParameterizedTest
  @EnumSource(Phase.class)
  void anyPhase_staleOrZeroTimerFired_changesNothing(Phase phase) {
    ContainerState state = LifecycleStates.inPhase(phase, RestartPolicy.ALWAYS);
    given(state).when(timerFired(0, at(60))).thenUnchanged();
    given(state).when(timerFired(state.timer().last() + 1, at(60))).thenUnchanged();
    if (state.timerToken() > 1) {
      given(state).when(timerFired(state.timerToken() - 1, at(60))).thenUnchanged();
    }
  }

  /**
   * The lifecycle never leaves a token behind in a phase that waits for none; a state built by hand
   * (e.g. restored by a successor) that has one drops it when that timer fires, and does nothing else.
   */
  @ParameterizedTest
  @EnumSource(value = Phase.class, names = {"CREATED", "RUNNING", "KILLING", "DOWN", "FAILED"})
  void phaseWithoutTimer_timerFiredWithItsToken_dropsTheTokenOnly(Phase phase) {
    int pid = phase.hasProcess() ? 1234 : 0;
    ContainerState odd = new ContainerState(LifecycleStates.settings(RestartPolicy.ALWAYS), phase,
        new ContainerState.Run(pid, 0, Instant.EPOCH, Metrics.ZERO),
        new ContainerState.Shutdown(Goal.UP, Instant.EPOCH, false, 0), new ContainerState.Timer(5, 5),
        ContainerState.Counters.ZERO, ExitStatus.NONE, "");
    var then = given(odd).when(timerFired(5, at(1))).thenPhase(phase).thenEffects();
    assertThat(then.state().timerToken()).isZero();
    assertThat(then.state().timer().last()).isEqualTo(5);
  }
}
