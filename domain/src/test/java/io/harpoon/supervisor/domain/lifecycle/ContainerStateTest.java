package io.harpoon.supervisor.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The state's own invariants, checked by its constructor, and the derived published view. */
class ContainerStateTest {

  private static ContainerState state(Phase phase, int pid, long token, long lastToken) {
    return new ContainerState(LifecycleStates.settings(RestartPolicy.NO), phase,
        new ContainerState.Run(pid, 0, Instant.EPOCH, Metrics.ZERO),
        new ContainerState.Shutdown(Goal.UP, Instant.EPOCH, false, 0),
        new ContainerState.Timer(token, lastToken), ContainerState.Counters.ZERO, ExitStatus.NONE, "");
  }

  @ParameterizedTest
  @EnumSource(RestartPolicy.class)
  void initial_view_willRunNothingCounted(RestartPolicy policy) {
    ContainerState initial = ContainerState.initial(LifecycleStates.settings(policy));
    assertThat(initial.phase()).isEqualTo(Phase.CREATED);
    assertThat(initial.goal()).isEqualTo(Goal.UP);
    assertThat(initial.view()).as("not final: the container will be started")
        .isEqualTo(LifecycleFixture.view(false, true, ExitStatus.NONE, 0, 0));
  }

  @Test
  void rejected_view_isFinalWithErrFromTheFirstMoment() {
    ContainerState rejected = ContainerState.rejected(LifecycleStates.settings(RestartPolicy.ALWAYS), "bad");
    assertThat(rejected.phase()).isEqualTo(Phase.FAILED);
    assertThat(rejected.view().up()).isFalse();
    assertThat(rejected.view().restarting()).isFalse();
    assertThat(rejected.view().err()).isEqualTo("bad");
    assertThatIllegalArgumentException().isThrownBy(() ->
        ContainerState.rejected(LifecycleStates.settings(RestartPolicy.NO), " "));
  }

  @ParameterizedTest
  @EnumSource(Phase.class)
  void pidAndPhase_construct_mustAgree(Phase phase) {
    if (phase.hasProcess()) {
      assertThat(state(phase, 1, 0, 0).pid()).isEqualTo(1);
      assertThatIllegalArgumentException().isThrownBy(() -> state(phase, 0, 0, 0));
    } else {
      assertThat(state(phase, 0, 0, 0).pid()).isZero();
      assertThatIllegalArgumentException().isThrownBy(() -> state(phase, 1, 0, 0));
    }
  }

  @Test
  void timerToken_construct_mustBeWithinHandedOutTokens() {
    assertThat(state(Phase.CREATED, 0, 3, 3).timerToken()).isEqualTo(3);
    assertThatIllegalArgumentException().isThrownBy(() -> state(Phase.CREATED, 0, 4, 3));
    assertThatIllegalArgumentException().isThrownBy(() -> state(Phase.CREATED, 0, -1, 3));
  }

  @Test
  void negativeCounters_construct_areRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ContainerState.Counters(-1, 0, 0, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> new ContainerState.Counters(0, -1, 0, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> new ContainerState.Counters(0, 0, -1, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> new ContainerState.Counters(0, 0, 0, -1));
    assertThatIllegalArgumentException().isThrownBy(() ->
        new ContainerProcessState(false, false, "", ExitStatus.NONE, -1, 0, Metrics.ZERO));
    assertThatIllegalArgumentException().isThrownBy(() ->
        new ContainerProcessState(false, false, "", ExitStatus.NONE, 0, -1, Metrics.ZERO));
  }

  @Test
  void phases_hasProcessAndIsFinal_partitionTheTable() {
    assertThat(List.of(Phase.values())).filteredOn(Phase::hasProcess)
        .containsExactly(Phase.RUNNING, Phase.STOPPING, Phase.KILLING);
    assertThat(List.of(Phase.values())).filteredOn(Phase::isFinal).containsExactly(Phase.DOWN, Phase.FAILED);
  }

  @Test
  void transition_construct_copiesEffects() {
    List<Effect> effects = new java.util.ArrayList<>(List.of(new Effect.SampleMetrics()));
    Transition transition = new Transition(state(Phase.CREATED, 0, 0, 0), effects);
    effects.add(new Effect.Terminate(0));
    assertThat(transition.effects()).containsExactly(new Effect.SampleMetrics());
  }
}
