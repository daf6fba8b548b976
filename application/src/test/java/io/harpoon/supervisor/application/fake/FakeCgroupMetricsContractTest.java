package io.harpoon.supervisor.application.fake;

import io.harpoon.supervisor.application.port.out.CgroupMetrics;
import io.harpoon.supervisor.application.port.out.CgroupMetricsContract;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.Metrics;

/** The fake the loop's tests rely on keeps the contract the cgroup v1 and v2 readers keep. */
class FakeCgroupMetricsContractTest extends CgroupMetricsContract {

  private static final ContainerId KNOWN = new ContainerId("c1");

  @Override
  protected CgroupMetrics subject() {
    FakeCgroupMetrics metrics = new FakeCgroupMetrics(KNOWN);
    metrics.setSample(new Metrics(1_000, 4_096, 65_536));
    metrics.setOomKills(0);
    return metrics;
  }

  @Override
  protected ContainerId existingContainer() {
    return KNOWN;
  }
}
