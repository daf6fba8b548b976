package io.harpoon.supervisor.adapters.metrics;

import io.harpoon.supervisor.application.port.out.CgroupMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Chooses cgroup v1 or v2 from the mount table. A host may mount both (systemd's "hybrid" layout:
 * v1 controllers plus a cgroup2 mount at {@code /sys/fs/cgroup/unified} holding few or no
 * controllers), so the question is not "is cgroup2 mounted" but "which hierarchy holds the memory
 * controller":
 *
 * <ul>
 *   <li>v2 when a cgroup2 mount lists {@code memory} in its {@code cgroup.controllers};
 *   <li>else v1 when both the {@code cpuacct} and {@code memory} controllers are mounted
 *       (separately, or combined as {@code cpu,cpuacct}: each is found by its super-options, not by
 *       its path);
 *   <li>else nothing can be measured and every read is empty.
 * </ul>
 */
public final class CgroupMetricsFactory {

  private CgroupMetricsFactory() {}

  /** Detects from this process's {@code /proc/self/mountinfo} on the real filesystem. */
  public static CgroupMetrics detect() {
    return detect(Path.of("/proc/self/mountinfo"), Path.of("/"));
  }

  /**
   * Detects from {@code mountinfo}, resolving the mount points it names under {@code fsRoot}
   * ({@code /} in production, a fixture tree in tests). Never throws: an unreadable table means no
   * cgroups.
   */
  public static CgroupMetrics detect(Path mountinfo, Path fsRoot) {
    List<Mount> mounts = readMounts(mountinfo);
    Optional<Path> unified =
        find(mounts, Mount::isV2, fsRoot).filter(CgroupMetricsFactory::hasMemory);
    if (unified.isPresent()) {
      return new CgroupV2Metrics(unified.get());
    }
    Optional<Path> cpuacct = find(mounts, m -> m.isV1With("cpuacct"), fsRoot);
    Optional<Path> memory = find(mounts, m -> m.isV1With("memory"), fsRoot);
    if (cpuacct.isPresent() && memory.isPresent()) {
      return new CgroupV1Metrics(cpuacct.get(), memory.get());
    }
    return new NoCgroupMetrics();
  }

  private static List<Mount> readMounts(Path mountinfo) {
    try {
      return Files.readAllLines(mountinfo, StandardCharsets.UTF_8).stream()
          .map(Mount::parse)
          .flatMap(Optional::stream)
          .collect(Collectors.toList());
    } catch (IOException | SecurityException e) {
      return List.of();
    }
  }

  /**
   * The mount point of the first matching hierarchy, preferring a mount of its whole tree (root
   * {@code /}) over a bind mount of a subtree.
   */
  private static Optional<Path> find(List<Mount> mounts, Predicate<Mount> wanted, Path fsRoot) {
    return mounts.stream()
        .filter(wanted)
        .min(Comparator.comparing(m -> !m.root().equals("/")))
        .map(m -> fsRoot.resolve(m.mountPoint().substring(1)));
  }

  private static boolean hasMemory(Path unifiedMount) {
    return CgroupFiles.read(unifiedMount.resolve("cgroup.controllers"))
        .map(text -> Arrays.asList(text.trim().split("\\s+")).contains("memory"))
        .orElse(false);
  }
}
