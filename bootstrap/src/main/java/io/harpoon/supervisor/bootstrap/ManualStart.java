package io.harpoon.supervisor.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A person who starts the supervisor by hand in a terminal, without root or outside a run directory,
 * would otherwise watch it wait for an {@code exit} that only an agent sends (SPEC §4: a config
 * problem is reported on the socket, not fatal). Started from a terminal, those two mistakes end the
 * start with a clear message and exit 1; an agent's start (no terminal on stdin) is unchanged.
 *
 * @param stdinIsTerminal whether standard input is a terminal
 * @param root whether the supervisor runs as root (effective uid 0)
 * @param runDirectory the run directory
 */
record ManualStart(boolean stdinIsTerminal, boolean root, Path runDirectory) {

  /** The facts of this process, read from /proc without native calls. */
  static ManualStart ofThisProcess(Path runDirectory) {
    return new ManualStart(stdinIsTerminal(Path.of("/proc/self/fd/0")), isRoot(), runDirectory);
  }

  /** Why this start cannot work, when a person started it from a terminal. */
  Optional<String> problem() {
    if (!stdinIsTerminal) {
      return Optional.empty();
    }
    if (!root) {
      return Optional.of("not running as root: the OCI runtime needs root to create the container's "
          + "namespaces and cgroups (run it with sudo, or under the agent or systemd)");
    }
    if (!Files.exists(runDirectory.resolve("agent.json"))) {
      return Optional.of("no agent.json in " + runDirectory + ": run it in a container's run "
          + "directory, which holds agent.json and rootfs (see docs/operations.md)");
    }
    return Optional.empty();
  }

  /** A terminal is a character device under /dev/pts or a /dev/tty* (pty(7), tty(4)). */
  static boolean stdinIsTerminal(Path stdin) {
    try {
      String target = Files.readSymbolicLink(stdin).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")
          || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException notALink) {
      return false;
    }
  }

  /** /proc/self belongs to the process's effective uid (proc(5)). */
  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(
          Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException unknown) {
      return true;
    }
  }
}
