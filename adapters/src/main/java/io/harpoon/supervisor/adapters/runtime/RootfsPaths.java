package io.harpoon.supervisor.adapters.runtime;

import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import io.harpoon.supervisor.domain.container.ContainerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The rootfs paths the runtime writes below, checked for symlinks before every create. runc 1.1
 * resolves mount destinations inside the rootfs, but then creates {@code /dev}'s entries ({@code
 * fd}, {@code stdin}, {@code ptmx}, device nodes) with plain host paths: with {@code rootfs/dev} a
 * symlink to a host directory, it wrote them there. So no component of the paths it populates
 * ({@code /dev}, {@code /dev/pts}, {@code /dev/shm}, {@code /dev/mqueue}, {@code /proc}, {@code
 * /sys}), of a volume or tmpfs target, or of {@code /etc} (for {@code /etc/resolv.conf}) may be a
 * symlink. A missing component is fine: the runtime creates it as a directory of the rootfs.
 */
final class RootfsPaths {

  static final List<String> POPULATED =
      List.of("/dev", "/dev/pts", "/dev/shm", "/dev/mqueue", "/proc", "/sys");

  private RootfsPaths() {}

  /** Refuses, permanently, a rootfs where one of those paths goes through a symlink. */
  static void check(Path root, ContainerConfig.Storage storage, boolean resolvConf)
      throws RuntimeFailure {
    TreeSet<String> paths = new TreeSet<>(POPULATED);
    storage.volumes().keySet().forEach(target -> paths.add(OciMounts.normalize(target)));
    storage.tmpSizesMb().keySet().forEach(target -> paths.add(OciMounts.normalize(target)));
    if (resolvConf) {
      paths.add("/etc");
    }
    for (String path : paths) {
      Optional<String> symlink = firstSymlink(root, path);
      if (symlink.isPresent()) {
        throw RuntimeFailure.permanent(
            "rootfs: "
                + symlink.get()
                + " is a symlink (on the way to "
                + path
                + "), which the runtime would follow out of the rootfs when it creates the"
                + " container's mounts and devices; give the rootfs real directories there");
      }
    }
  }

  /** The first component of {@code path} below {@code root} that is a symlink, as seen inside. */
  private static Optional<String> firstSymlink(Path root, String path) throws RuntimeFailure {
    try (NoFollowWalk walk = NoFollowWalk.from(root.toString())) {
      String inside = "";
      for (String name : NoFollowWalk.names(path)) {
        Optional<PathStat> stat = walk.lookup(name);
        inside = inside + "/" + name;
        if (stat.isPresent() && stat.get().isSymlink()) {
          return Optional.of(inside);
        }
        if (stat.isEmpty() || !stat.get().isDirectory()) {
          return Optional.empty();
        }
        walk.enter(name);
      }
      return Optional.empty();
    } catch (PathRefusal e) {
      if (e.reason() == PathRefusal.Reason.SYMLINK) {
        throw RuntimeFailure.permanent("rootfs: " + e.getMessage() + " (it changed while checked)");
      }
      throw new RuntimeFailure("rootfs: " + e.getMessage());
    }
  }
}
