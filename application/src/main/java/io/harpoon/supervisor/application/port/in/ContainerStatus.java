package io.harpoon.supervisor.application.port.in;

import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.lifecycle.Phase;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an operator asks about a container beyond the published state (SPEC §5 has no room for it, and
 * its wire form must stay the original's): which process, in which phase since when, when the next
 * restart is due, and the limits it was configured with. Published beside every state.
 *
 * @param id the container's id
 * @param phase where the container is in its life
 * @param pid the container's init process while it has one, else 0
 * @param since when the current phase began; for {@link Phase#RUNNING} the start of the run
 * @param startedAt when the current or last run started; {@link Instant#EPOCH} before the first
 * @param restartDelay in {@link Phase#BACKOFF}, how long after {@code since} the next start is due;
 *     zero otherwise
 * @param policy the restart policy in force
 * @param memoryLimitBytes the configured memory limit in bytes, 0 for none
 */
public record ContainerStatus(
    ContainerId id,
    Phase phase,
    int pid,
    Instant since,
    Instant startedAt,
    Duration restartDelay,
    RestartPolicy policy,
    long memoryLimitBytes) {

  public ContainerStatus {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(restartDelay, "restartDelay");
    Objects.requireNonNull(policy, "policy");
    if (pid < 0 || memoryLimitBytes < 0 || restartDelay.isNegative()) {
      throw new IllegalArgumentException("pid, memory limit and restart delay cannot be negative");
    }
  }

  /** When the pending restart is due, in {@link Phase#BACKOFF} only. */
  public Optional<Instant> restartAt() {
    return phase == Phase.BACKOFF ? Optional.of(since.plus(restartDelay)) : Optional.empty();
  }

  /** When the current or last run started, if there was one. */
  public Optional<Instant> lastStart() {
    return startedAt.equals(Instant.EPOCH) ? Optional.empty() : Optional.of(startedAt);
  }
}
