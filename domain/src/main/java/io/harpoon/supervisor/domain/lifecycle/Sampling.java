package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.stay;
import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.to;

/** Rows of the table for metrics: sample while up or restarting, keep samples of the live run only. */
final class Sampling {

  private Sampling() {}

  static Transition onTick(ContainerState state) {
    ContainerProcessState view = state.view();
    return view.up() || view.restarting() ? to(state, new Effect.SampleMetrics()) : stay(state);
  }

  static Transition onSample(ContainerState state, Event.MetricsSampled event) {
    return state.phase().hasProcess() ? to(state.withRunMetrics(event.sample())) : stay(state);
  }
}
