package io.harpoon.supervisor.application.fake;

import io.harpoon.supervisor.application.port.out.CgroupMetrics;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.Metrics;
import java.util.Optional;
import java.util.OptionalLong;

/** A cgroup whose readings the test sets. Empty until the test gives a value. */
public final class FakeCgroupMetrics implements CgroupMetrics {

  private volatile Optional<Metrics> sample = Optional.empty();
  private volatile OptionalLong oomKills = OptionalLong.empty();

  public void setSample(Metrics metrics) {
    this.sample = Optional.of(metrics);
  }

  public void clearSample() {
    this.sample = Optional.empty();
  }

  public void setOomKills(long count) {
    this.oomKills = OptionalLong.of(count);
  }

  @Override
  public Optional<Metrics> sample(ContainerId id) {
    return sample;
  }

  @Override
  public OptionalLong oomKills(ContainerId id) {
    return oomKills;
  }
}
