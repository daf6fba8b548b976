package io.harpoon.supervisor.adapters.metrics;

import io.harpoon.supervisor.application.port.out.CgroupMetrics;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.Metrics;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * cgroup v1: each controller is its own hierarchy with its own mount, so CPU time comes from the
 * {@code cpuacct} mount and memory from the {@code memory} mount. The container's cgroup is {@code
 * harpoon/ID} under each (runc joins an absolute {@code cgroupsPath} to every controller's mount
 * point).
 *
 * <p>Files (Documentation/admin-guide/cgroup-v1/memory.rst, cpuacct.rst): {@code cpuacct.usage}
 * (ns), {@code memory.usage_in_bytes}, {@code memory.limit_in_bytes}, and the {@code oom_kill} line
 * of {@code memory.oom_control} (the number of processes the OOM killer killed; {@code under_oom}
 * only says whether the cgroup is out of memory right now).
 */
public final class CgroupV1Metrics implements CgroupMetrics {

  /**
   * An unlimited v1 cgroup reports {@code PAGE_COUNTER_MAX} pages in bytes, i.e. {@code
   * Long.MAX_VALUE} rounded down to a page (9223372036854771712 with 4 KiB pages). Anything within
   * 1 MiB of {@code Long.MAX_VALUE} covers every page size; no real limit is that close.
   */
  static final long UNLIMITED_FLOOR = Long.MAX_VALUE - (1L << 20);

  private final Path cpuacctMount;
  private final Path memoryMount;

  /**
   * Reads under the given controller mounts, e.g. {@code /sys/fs/cgroup/cpuacct} (or the combined
   * {@code /sys/fs/cgroup/cpu,cpuacct}) and {@code /sys/fs/cgroup/memory}.
   */
  public CgroupV1Metrics(Path cpuacctMount, Path memoryMount) {
    this.cpuacctMount = Objects.requireNonNull(cpuacctMount, "cpuacctMount");
    this.memoryMount = Objects.requireNonNull(memoryMount, "memoryMount");
  }

  /**
   * CPU time and memory usage are required; the memory limit is reported as 0 when the cgroup has
   * none (the kernel's "unlimited") or it cannot be read, as the original did.
   */
  @Override
  public Optional<Metrics> sample(ContainerId id) {
    OptionalLong cpu = CgroupFiles.readNumber(cgroup(cpuacctMount, id).resolve("cpuacct.usage"));
    Path memory = cgroup(memoryMount, id);
    OptionalLong usage = CgroupFiles.readNumber(memory.resolve("memory.usage_in_bytes"));
    if (cpu.isEmpty() || usage.isEmpty()) {
      return Optional.empty();
    }
    long limit = CgroupFiles.readNumber(memory.resolve("memory.limit_in_bytes")).orElse(0);
    return Optional.of(
        new Metrics(cpu.getAsLong(), usage.getAsLong(), limit >= UNLIMITED_FLOOR ? 0 : limit));
  }

  @Override
  public OptionalLong oomKills(ContainerId id) {
    return CgroupFiles.readKey(cgroup(memoryMount, id).resolve("memory.oom_control"), "oom_kill");
  }

  private static Path cgroup(Path mount, ContainerId id) {
    return mount.resolve(id.cgroup());
  }

  @Override
  public String toString() {
    return "cgroup v1 (cpuacct at " + cpuacctMount + ", memory at " + memoryMount + ")";
  }
}
