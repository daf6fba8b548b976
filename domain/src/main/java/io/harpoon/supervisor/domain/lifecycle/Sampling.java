package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.stay;
import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.to;

/** Rows of the table for metrics: sample while up or restarting, keep samples of the live run only. */
final class Sampling {

  private Sampling() {}

  /**
   * Samples while the container's process runs: only then is there a cgroup whose usage belongs to the
   * current run (a sample in any other phase would be dropped, see {@link #onSample}).
   */
  static Transition onTick(ContainerState state) {
    return state.phase().hasProcess() ? to(state, new Effect.SampleMetrics()) : stay(state);
  }

  static Transition onSample(ContainerState state, Event.MetricsSampled event) {
    return state.phase().hasProcess() ? to(state.withRunMetrics(event.sample())) : stay(state);
  }
}
