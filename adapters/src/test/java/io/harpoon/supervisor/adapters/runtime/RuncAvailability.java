package io.harpoon.supervisor.adapters.runtime;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the real-runtime tests can run here: as root, with the runtime on PATH and busybox. */
final class RuncAvailability {

  private RuncAvailability() {}

  static boolean usable() {
    return onPath("runc") && isRoot() && Files.isExecutable(BusyboxRootfs.BUSYBOX);
  }

  static boolean onPath(String binary) {
    for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, binary))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
