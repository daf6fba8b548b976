package io.harpoon.supervisor.application.loop;

import io.harpoon.supervisor.application.port.in.ContainerStatus;
import io.harpoon.supervisor.domain.lifecycle.ContainerState;
import io.harpoon.supervisor.domain.lifecycle.Phase;
import java.time.Duration;
import java.time.Instant;

/**
 * Derives the {@link ContainerStatus} of the lifecycle's state after each step. The lifecycle keeps
 * when a run started but not when the other phases began, so this notes the time of the event that
 * changed the phase. Used by the loop's thread only.
 */
final class StatusBoard {

  private final StartupPlan plan;
  private Phase phase;
  private Instant since = Instant.EPOCH;

  StatusBoard(StartupPlan plan) {
    this.plan = plan;
  }

  /** The status of {@code state}, reached by an event stamped {@code now}. */
  ContainerStatus next(ContainerState state, Instant now) {
    if (state.phase() != phase) {
      phase = state.phase();
      since = phase == Phase.RUNNING ? state.run().startedAt() : now;
    }
    return new ContainerStatus(plan.id(), phase, state.pid(), since, state.run().startedAt(),
        restartDelay(state), plan.settings().policy(), configuredMemory());
  }

  /** The delay the lifecycle armed on entering back-off (the same rule as {@code Exiting}). */
  private static Duration restartDelay(ContainerState state) {
    if (state.phase() != Phase.BACKOFF) {
      return Duration.ZERO;
    }
    return state.settings().backoff().delay(Math.max(1, state.counters().quickFailures()));
  }

  private long configuredMemory() {
    return plan.launchSpec().map(spec -> spec.config().resources().memoryBytes()).orElse(0L);
  }
}
