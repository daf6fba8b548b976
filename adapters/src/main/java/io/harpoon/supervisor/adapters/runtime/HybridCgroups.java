package io.harpoon.supervisor.adapters.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Recognizes the cgroup layout crun 1.8 refuses. On a hybrid host (cgroup v1 controllers, plus a
 * cgroup2 hierarchy at {@code /sys/fs/cgroup/unified}) crun fails every container whose cgroup2
 * hierarchy has any controller available, with only "cgroups in hybrid mode not supported, drop all
 * controllers from cgroupv2". A v1 controller left unmounted (often {@code hugetlb}) is enough to
 * put it there. runc handles the layout.
 */
final class HybridCgroups {

  private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");
  private static final Set<String> V1_CONTROLLERS = Set.of("blkio", "cpu", "cpuacct", "cpuset", "devices",
      "freezer", "hugetlb", "memory", "misc", "net_cls", "net_prio", "perf_event", "pids", "rdma");

  private HybridCgroups() {}

  /** Why crun cannot run containers on this host, or empty when it can. */
  static Optional<String> crunRefusal() {
    return crunRefusal(read(MOUNTINFO), mount -> read(mount.resolve("cgroup.controllers")));
  }

  /**
   * Why crun cannot run containers given {@code mountinfo} ({@code proc(5)} format) and a reader of a
   * cgroup2 mount's {@code cgroup.controllers}.
   */
  static Optional<String> crunRefusal(String mountinfo, Function<Path, String> controllersOf) {
    boolean v1Controllers = false;
    Path cgroup2 = null;
    for (String line : mountinfo.split("\n")) {
      String[] halves = line.split(" - ", 2);
      if (halves.length < 2) {
        continue;
      }
      String[] mount = halves[0].split(" ");
      String[] source = halves[1].split(" ");
      if (source[0].equals("cgroup") && source.length > 2 && hasController(source[2])) {
        v1Controllers = true;
      } else if (source[0].equals("cgroup2") && mount.length > 4) {
        cgroup2 = Path.of(mount[4]);
      }
    }
    if (!v1Controllers || cgroup2 == null) {
      return Optional.empty();
    }
    String controllers = controllersOf.apply(cgroup2).trim();
    if (controllers.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("crun cannot create containers on this host: its cgroups are hybrid (cgroup v1 "
        + "controllers plus a cgroup2 hierarchy at " + cgroup2 + " that has controllers: " + controllers
        + "), which crun refuses (\"cgroups in hybrid mode not supported\"); use runc, or leave no "
        + "controller to cgroup2");
  }

  /** Whether a v1 mount's super options name a controller (not only a named hierarchy like systemd). */
  private static boolean hasController(String superOptions) {
    for (String option : superOptions.split(",")) {
      if (V1_CONTROLLERS.contains(option)) {
        return true;
      }
    }
    return false;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
