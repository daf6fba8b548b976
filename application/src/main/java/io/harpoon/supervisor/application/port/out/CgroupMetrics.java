package io.harpoon.supervisor.application.port.out;

import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.Metrics;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads the container's cgroup. Cheap (a few small file reads); never throws for a missing cgroup. */
public interface CgroupMetrics {

  /** CPU time, memory usage and memory limit, or empty when the cgroup does not exist (yet). */
  Optional<Metrics> sample(ContainerId id);

  /**
   * How often the kernel's OOM killer killed a process of this cgroup since the cgroup was created
   * ({@code oom_kill}), or empty when it cannot be read.
   */
  OptionalLong oomKills(ContainerId id);
}
