package io.harpoon.supervisor.adapters.metrics;

import io.harpoon.supervisor.application.port.out.CgroupMetrics;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.Metrics;
import java.util.Optional;
import java.util.OptionalLong;

/** A host where no usable cgroup hierarchy is mounted: nothing can be measured. */
final class NoCgroupMetrics implements CgroupMetrics {

  @Override
  public Optional<Metrics> sample(ContainerId id) {
    return Optional.empty();
  }

  @Override
  public OptionalLong oomKills(ContainerId id) {
    return OptionalLong.empty();
  }

  @Override
  public String toString() {
    return "no cgroup hierarchy with the memory controller";
  }
}
