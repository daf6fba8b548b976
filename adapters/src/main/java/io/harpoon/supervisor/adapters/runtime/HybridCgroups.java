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
  private static final Set<String> V1_CONTROLLERS =
      Set.of(
          "blkio",
          "cpu",
          "cpuacct",
          "cpuset",
          "devices",
          "freezer",
          "hugetlb",
          "memory",
          "misc",
          "net_cls",
          "net_prio",
          "perf_event",
          "pids",
          "rdma");

  private HybridCgroups() {}

  /** Why crun cannot run containers on this host, or empty when it can. */
  static Optional<String> crunRefusal() {
    return crunRefusal(read(MOUNTINFO), mount -> read(mount.resolve("cgroup.controllers")));
  }

  /**
   * Why crun cannot run containers given {@code mountinfo} ({@code proc(5)} format) and a reader of
   * a cgroup2 mount's {@code cgroup.controllers}.
   */
  static Optional<String> crunRefusal(String mountinfo, Function<Path, String> controllersOf) {
    Optional<Path> cgroup2 = hybridCgroup2(mountinfo);
    if (cgroup2.isEmpty()) {
      return Optional.empty();
    }
    String controllers = controllersOf.apply(cgroup2.get()).trim();
    if (controllers.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "crun cannot create containers on this host: its cgroups are hybrid (cgroup v1 controllers"
            + " plus a cgroup2 hierarchy at "
            + cgroup2.get()
            + " that has controllers: "
            + controllers
            + "), which crun refuses (\"cgroups in hybrid mode not supported\"); use runc, or"
            + " leave no controller to cgroup2");
  }

  /** The cgroup2 mount point when v1 controllers are mounted too. */
  private static Optional<Path> hybridCgroup2(String mountinfo) {
    boolean v1Controllers = false;
    Optional<Path> cgroup2 = Optional.empty();
    for (String line : mountinfo.split("\n")) {
      // "id parent dev root MOUNT_POINT options [tags] - FSTYPE SOURCE SUPER_OPTIONS"
      String[] halves = line.split(" - ", 2);
      String[] mount = halves[0].split(" ");
      String[] fs = halves.length == 2 ? halves[1].split(" ") : new String[] {""};
      if (fs[0].equals("cgroup") && fs.length > 2 && hasController(fs[2])) {
        v1Controllers = true;
      } else if (fs[0].equals("cgroup2") && mount.length > 4) {
        cgroup2 = Optional.of(Path.of(mount[4]));
      }
    }
    return v1Controllers ? cgroup2 : Optional.empty();
  }

  /**
   * Whether a v1 mount's super options name a controller (not only a named hierarchy like systemd).
   */
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
