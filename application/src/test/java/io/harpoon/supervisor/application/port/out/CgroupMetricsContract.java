package io.harpoon.supervisor.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.Metrics;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CgroupMetrics} must do, whatever it reads: a fake, cgroup v1, cgroup v2. Extend
 * it with a subject that knows one container ({@link #existingContainer()}) and none named {@code
 * never-created-*}.
 */
public abstract class CgroupMetricsContract {

  private static final ContainerId UNKNOWN = new ContainerId("never-created-0");

  /** The implementation under test. */
  protected abstract CgroupMetrics subject();

  /** A container whose cgroup exists and can be read. */
  protected abstract ContainerId existingContainer();

  @Test
  void unknownContainer_sample_isEmpty() {
    assertThat(subject().sample(UNKNOWN)).isEmpty();
  }

  @Test
  void unknownContainer_oomKills_isEmpty() {
    assertThat(subject().oomKills(UNKNOWN)).isEmpty();
  }

  @Test
  void unknownContainers_manyReads_neverThrowAndStayEmpty() {
    CgroupMetrics metrics = subject();
    for (int i = 0; i < 100; i++) {
      ContainerId id = new ContainerId("never-created-" + i);
      assertThat(metrics.sample(id)).isEmpty();
      assertThat(metrics.oomKills(id)).isEmpty();
    }
  }

  @Test
  void existingContainer_sample_isPresent() {
    Optional<Metrics> sample = subject().sample(existingContainer());

    assertThat(sample).isPresent();
  }

  @Test
  void existingContainer_oomKills_isPresentAndNotNegative() {
    OptionalLong kills = subject().oomKills(existingContainer());

    assertThat(kills).isPresent();
    assertThat(kills.getAsLong()).isNotNegative();
  }

  @Test
  void existingContainer_sampledTwice_cpuTimeAndOomKillsNeverDecrease() {
    CgroupMetrics metrics = subject();
    ContainerId id = existingContainer();

    Metrics first = metrics.sample(id).orElseThrow();
    long firstKills = metrics.oomKills(id).orElseThrow();
    Metrics second = metrics.sample(id).orElseThrow();
    long secondKills = metrics.oomKills(id).orElseThrow();

    assertThat(second.cpuTimeNanos()).isGreaterThanOrEqualTo(first.cpuTimeNanos());
    assertThat(secondKills).isGreaterThanOrEqualTo(firstKills);
  }
}
