package io.harpoon.supervisor.adapters.runtime;

import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import io.harpoon.supervisor.application.port.out.SupervisorLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** {@code RUNDIR/container.pid}, where the runtime's {@code create} writes the init's pid. */
final class PidFile {

  static final String NAME = "container.pid";

  private final Path path;

  PidFile(Path runDirectory) {
    this.path = runDirectory.resolve(NAME);
  }

  Path path() {
    return path;
  }

  /** Removes the file of an earlier create, so that a create that writes none is noticed. */
  void deleteStale() throws RuntimeFailure {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new RuntimeFailure("cannot remove " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * The pid, once the file is made owner-only. The runtime writes the file under a temporary name
   * with mode 0666 less the umask, then renames it, so it cannot be created 0600 beforehand. A
   * failing chmod is only logged: the container exists, and a pid is no secret.
   */
  int read(String runtime, SupervisorLog log) throws RuntimeFailure {
    int pid;
    try {
      pid = Integer.parseInt(Files.readString(path).trim());
    } catch (IOException | NumberFormatException e) {
      throw new RuntimeFailure(
          runtime + " create left no pid in " + path + ": " + e.getMessage(), e);
    }
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      log.warn("cannot make " + path + " owner-only: " + e.getMessage());
    }
    return pid;
  }
}
