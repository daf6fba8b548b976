package io.harpoon.supervisor.application.fake;

import io.harpoon.supervisor.application.port.out.CgroupMetrics;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.Metrics;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The cgroup of one container, whose readings the test sets. Like a real cgroup reader it knows no other
 * container (empty for any other id), and its own readings are empty until the test gives a value.
 */
public final class FakeCgroupMetrics implements CgroupMetrics {

  private final ContainerId container;
  private volatile Optional<Metrics> sample = Optional.empty();
  private volatile OptionalLong oomKills = OptionalLong.empty();

  public FakeCgroupMetrics(ContainerId container) {
    this.container = container;
  }

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
    return container.equals(id) ? sample : Optional.empty();
  }

  @Override
  public OptionalLong oomKills(ContainerId id) {
    return container.equals(id) ? oomKills : OptionalLong.empty();
  }
}
