package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.at;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.sampled;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.tick;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleFixture.given;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleFixture.publish;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.apply;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleStates.running;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §6 metrics: sampled while the container is up or restarting; every kept sample is published. */
class SamplingTest {

  private static final Metrics SAMPLE = new Metrics(2_670_980, 458_752, 67_108_864);

  @ParameterizedTest
  @CsvSource({
    "RUNNING, NO", "STOPPING, NO", "KILLING, ALWAYS"
  })
  void processRunning_metricsTick_asksForSample(Phase phase, RestartPolicy policy) {
    given(LifecycleStates.inPhase(phase, policy))
        .when(tick(at(3)))
        .thenEffects(new Effect.SampleMetrics());
  }

  @ParameterizedTest
  @CsvSource({"CREATED, ALWAYS", "STARTING, NO", "BACKOFF, ALWAYS", "DOWN, ALWAYS", "FAILED, ALWAYS",
    "TERMINATED, ALWAYS"})
  void noProcess_metricsTick_changesNothing(Phase phase, RestartPolicy policy) {
    given(LifecycleStates.inPhase(phase, policy)).when(tick(at(3))).thenUnchanged();
  }

  @Test
  void running_metricsSampled_publishesTheSample() {
    given(running(RestartPolicy.ALWAYS))
        .when(sampled(SAMPLE, at(3)))
        .thenView(new ContainerProcessState(true, true, "", ExitStatus.NONE, 0, 0, SAMPLE))
        .thenPublishesThen();
  }

  @Test
  void running_sameSampleAgain_isPublishedAgain() {
    ContainerState sampled = apply(running(RestartPolicy.ALWAYS), sampled(SAMPLE, at(3)));
    given(sampled)
        .when(sampled(SAMPLE, at(6)))
        .thenState(sampled)
        .thenEffects(publish(sampled));
  }

  @ParameterizedTest
  @CsvSource({"BACKOFF, ALWAYS", "STARTING, ON_FAILURE", "DOWN, ALWAYS", "CREATED, NO"})
  void noProcess_metricsSampled_isDiscarded(Phase phase, RestartPolicy policy) {
    given(LifecycleStates.inPhase(phase, policy)).when(sampled(SAMPLE, at(3))).thenUnchanged();
  }
}
