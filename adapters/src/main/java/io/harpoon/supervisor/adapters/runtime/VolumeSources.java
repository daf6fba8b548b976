package io.harpoon.supervisor.adapters.runtime;

import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * agent.json's volume sources, checked at every start. runc bind-mounts a source path as the kernel
 * resolves it, following symlinks; a container that can write in a directory the path goes through
 * (through another volume, or a host bind mount of it) could swap a component for a symlink, exit,
 * and have the restart mount any host directory. So before each create every component of every
 * source is looked up without following symlinks, and the source must be the file (device and
 * inode) it was at the first start; after the create the mount point inside the container must show
 * that same file, which closes the window between the check and runc's mount. A symlink or a
 * changed source is a permanent failure; a missing one may yet appear.
 */
final class VolumeSources {

  private final Map<String, FileIdentity> firstSeen = new HashMap<>();

  /**
   * Checks the sources of {@code volumes} (container path to host path); returns the identity of
   * each by normalized container path.
   */
  synchronized Map<String, FileIdentity> check(Map<String, String> volumes) throws RuntimeFailure {
    Map<String, FileIdentity> identities = new TreeMap<>();
    for (Map.Entry<String, String> volume : new TreeMap<>(volumes).entrySet()) {
      String target = OciMounts.normalize(volume.getKey());
      FileIdentity now = identity(target, volume.getValue());
      FileIdentity first = firstSeen.putIfAbsent(target + "\0" + volume.getValue(), now);
      if (first != null && !first.equals(now)) {
        throw RuntimeFailure.permanent(
            "volume "
                + target
                + ": host path "
                + volume.getValue()
                + " is no longer the directory of the first start ("
                + first
                + ", now "
                + now
                + "): refusing to mount what replaced it");
      }
      identities.put(target, now);
    }
    return identities;
  }

  /**
   * Checks that each mount point below {@code containerRoot} (the created container's {@code
   * /proc/PID/root}) shows the source checked before the create.
   */
  static void verifyMounted(String containerRoot, Map<String, FileIdentity> identities)
      throws RuntimeFailure {
    for (Map.Entry<String, FileIdentity> volume : identities.entrySet()) {
      String target = volume.getKey();
      FileIdentity mounted;
      try {
        mounted = walk(containerRoot, NoFollowWalk.names(target));
      } catch (PathRefusal e) {
        throw RuntimeFailure.permanent(
            "volume " + target + ": its mount point in the container cannot be checked: " + why(e));
      }
      if (!mounted.equals(volume.getValue())) {
        throw RuntimeFailure.permanent(
            "volume "
                + target
                + ": the container got another directory ("
                + mounted
                + ") than the host path checked before the start ("
                + volume.getValue()
                + "): the host path changed during the start");
      }
    }
  }

  private static FileIdentity identity(String target, String source) throws RuntimeFailure {
    try {
      return walk("/", NoFollowWalk.names(source));
    } catch (PathRefusal e) {
      String problem = "volume " + target + ": host path " + source + " " + why(e);
      if (e.reason() == PathRefusal.Reason.SYMLINK) {
        throw RuntimeFailure.permanent(
            problem + "; volume sources must be free of symlinks in every component");
      }
      throw new RuntimeFailure(problem);
    }
  }

  /** The identity of the file at {@code names} below {@code start}, no symlink followed. */
  static FileIdentity walk(String start, List<String> names) throws PathRefusal {
    try (NoFollowWalk walk = NoFollowWalk.from(start)) {
      for (String name : names.subList(0, Math.max(0, names.size() - 1))) {
        walk.enter(name);
      }
      String last = names.isEmpty() ? "." : names.get(names.size() - 1);
      PathStat stat = walk.lookup(last).orElseThrow(() -> PathRefusal.missing(walk.child(last)));
      if (stat.isSymlink()) {
        throw PathRefusal.symlink(walk.child(last));
      }
      return stat.identity();
    }
  }

  private static String why(PathRefusal refusal) {
    return switch (refusal.reason()) {
      case MISSING -> "does not exist (" + refusal.path() + " is missing)";
      case SYMLINK -> "goes through a symlink at " + refusal.path();
      case NOT_A_DIRECTORY -> "goes through " + refusal.path() + ", which is not a directory";
      case FAILED -> "cannot be checked: " + refusal.getMessage();
    };
  }
}
