package io.harpoon.supervisor.adapters.metrics;

import io.harpoon.supervisor.application.port.out.CgroupMetrics;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.Metrics;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * cgroup v2: one unified hierarchy; the container's cgroup is {@code harpoon/ID} under its mount.
 *
 * <p>Files (Documentation/admin-guide/cgroup-v2.rst): {@code usage_usec} of {@code cpu.stat} (µs,
 * present even without the cpu controller), {@code memory.current}, {@code memory.max} ({@code max}
 * when unlimited), and the {@code oom_kill} line of {@code memory.events}: processes killed by the
 * OOM killer. Its {@code oom} line counts the times the cgroup hit its limit, killed or not.
 */
public final class CgroupV2Metrics implements CgroupMetrics {

  private static final long NANOS_PER_MICRO = 1_000;
  private final Path mount;

  /** Reads under the unified hierarchy's mount, normally {@code /sys/fs/cgroup}. */
  public CgroupV2Metrics(Path mount) {
    this.mount = Objects.requireNonNull(mount, "mount");
  }

  /**
   * CPU time and memory usage are required; the memory limit is 0 when it is {@code max} or cannot
   * be read.
   */
  @Override
  public Optional<Metrics> sample(ContainerId id) {
    Path cgroup = cgroup(id);
    OptionalLong cpuMicros = CgroupFiles.readKey(cgroup.resolve("cpu.stat"), "usage_usec");
    OptionalLong usage = CgroupFiles.readNumber(cgroup.resolve("memory.current"));
    if (cpuMicros.isEmpty() || usage.isEmpty()) {
      return Optional.empty();
    }
    if (cpuMicros.getAsLong() > Long.MAX_VALUE / NANOS_PER_MICRO) {
      return Optional.empty();
    }
    return Optional.of(
        new Metrics(cpuMicros.getAsLong() * NANOS_PER_MICRO, usage.getAsLong(), limit(cgroup)));
  }

  private static long limit(Path cgroup) {
    return CgroupFiles.read(cgroup.resolve("memory.max"))
        .map(String::trim)
        .filter(text -> !text.equals("max"))
        .map(text -> CgroupFiles.parse(text).orElse(0))
        .orElse(0L);
  }

  @Override
  public OptionalLong oomKills(ContainerId id) {
    return CgroupFiles.readKey(cgroup(id).resolve("memory.events"), "oom_kill");
  }

  private Path cgroup(ContainerId id) {
    return mount.resolve(id.cgroup());
  }

  @Override
  public String toString() {
    return "cgroup v2 (at " + mount + ")";
  }
}
