package io.harpoon.supervisor.adapters.runtime;

import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import java.util.List;

/**
 * Makes each tmpfs mount writable by every user ({@code 1777}, as {@code /tmp}) once the container
 * is created and before its command runs. runc 1.1 gives a tmpfs the mode of the directory it
 * covers, ignoring {@code mode=}: the usual root-owned 0755 {@code /tmp} of an image would leave
 * the container's user (uid 1) unable to write. The mount is reached through the created
 * container's {@code /proc/PID/root} without following a symlink, so nothing else is changed.
 */
final class TmpfsModes {

  /** rwx for everyone, and the sticky bit: only a file's owner may delete it. */
  static final int WORLD_WRITABLE_STICKY = 01777;

  private TmpfsModes() {}

  /** Sets the mode of the tmpfs at each of {@code targets} below {@code containerRoot}. */
  static void apply(String containerRoot, Iterable<String> targets) throws RuntimeFailure {
    for (String target : targets) {
      List<String> names = NoFollowWalk.names(target);
      try (NoFollowWalk walk = NoFollowWalk.from(containerRoot)) {
        for (String name : names.subList(0, names.size() - 1)) {
          walk.enter(name);
        }
        walk.chmodDirectory(names.get(names.size() - 1), WORLD_WRITABLE_STICKY);
      } catch (PathRefusal e) {
        String problem = "tmp mount " + target + ": cannot make it writable: " + e.getMessage();
        throw e.reason() == PathRefusal.Reason.SYMLINK
            ? RuntimeFailure.permanent(problem)
            : new RuntimeFailure(problem);
      }
    }
  }
}
