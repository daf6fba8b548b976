package io.harpoon.supervisor.adapters.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.application.port.out.CgroupMetrics;
import io.harpoon.supervisor.application.port.out.CgroupMetricsContract;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.Metrics;
import org.junit.jupiter.api.Test;

class CgroupV1MetricsTest extends CgroupMetricsContract {

  private final CgroupV1Metrics metrics = CgroupFixtures.v1();

  @Override
  protected CgroupMetrics subject() {
    return metrics;
  }

  @Override
  protected ContainerId existingContainer() {
    return id("web-1");
  }

  @Test
  void limitedCgroup_sample_readsCpuacctAndMemoryFiles() {
    assertThat(metrics.sample(id("web-1"))).contains(new Metrics(134_318_399, 303_104, 67_108_864));
  }

  @Test
  void unlimitedCgroup_sample_reportsLimitZero() {
    assertThat(metrics.sample(id("unlimited"))).contains(new Metrics(5_000, 4_096, 0));
  }

  @Test
  void cgroupWithoutLimitFile_sample_reportsLimitZero() {
    assertThat(metrics.sample(id("no-limit"))).contains(new Metrics(42, 4_096, 0));
  }

  @Test
  void oomControl_oomKills_readsOomKillNotUnderOom() {
    assertThat(metrics.oomKills(id("web-1"))).hasValue(2);
  }

  @Test
  void malformedCpuacctUsage_sample_isEmpty() {
    assertThat(metrics.sample(id("garbage"))).isEmpty();
  }

  @Test
  void oomControlWithoutOomKillLine_oomKills_isEmpty() {
    assertThat(metrics.oomKills(id("garbage"))).isEmpty();
  }

  @Test
  void cgroupOnlyInCpuacct_sample_isEmpty() {
    assertThat(metrics.sample(id("no-memory"))).isEmpty();
  }

  @Test
  void cgroupOnlyInMemory_sample_isEmpty() {
    assertThat(metrics.sample(id("no-cpu"))).isEmpty();
  }

  private static ContainerId id(String value) {
    return new ContainerId(value);
  }
}
