package io.harpoon.supervisor.adapters.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.application.port.out.CgroupMetrics;
import io.harpoon.supervisor.application.port.out.CgroupMetricsContract;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.Metrics;
import org.junit.jupiter.api.Test;

class CgroupV2MetricsTest extends CgroupMetricsContract {

  private final CgroupV2Metrics metrics = CgroupFixtures.v2();

  @Override
  protected CgroupMetrics subject() {
    return metrics;
  }

  @Override
  protected ContainerId existingContainer() {
    return id("web-1");
  }

  @Test
  void limitedCgroup_sample_convertsUsageUsecToNanos() {
    assertThat(metrics.sample(id("web-1")))
        .contains(new Metrics(123_456_000, 2_097_152, 67_108_864));
  }

  @Test
  void memoryMaxIsMax_sample_reportsLimitZero() {
    assertThat(metrics.sample(id("unlimited"))).contains(new Metrics(10_000, 8_192, 0));
  }

  @Test
  void memoryEvents_oomKills_readsOomKillNotOomNorOomGroupKill() {
    assertThat(metrics.oomKills(id("web-1"))).hasValue(1);
  }

  @Test
  void cpuStatWithoutUsageUsec_sample_isEmpty() {
    assertThat(metrics.sample(id("garbage"))).isEmpty();
  }

  @Test
  void memoryEventsWithoutOomKill_oomKills_isEmpty() {
    assertThat(metrics.oomKills(id("garbage"))).isEmpty();
  }

  @Test
  void usageUsecBeyondLongNanos_sample_isEmpty() {
    assertThat(metrics.sample(id("overflow"))).isEmpty();
  }

  @Test
  void cgroupWithoutMemoryMax_sample_reportsLimitZero() {
    assertThat(metrics.sample(id("no-max"))).contains(new Metrics(7_000, 100, 0));
  }

  @Test
  void malformedMemoryMax_sample_reportsLimitZero() {
    assertThat(metrics.sample(id("bad-max"))).contains(new Metrics(7_000, 100, 0));
  }

  private static ContainerId id(String value) {
    return new ContainerId(value);
  }
}
