package io.harpoon.supervisor.adapters.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** A minimal root filesystem: the host's static busybox and a few applet links. */
final class BusyboxRootfs {

  static final Path BUSYBOX = Path.of("/bin/busybox");
  private static final String[] APPLETS = {"sh", "sleep", "true", "echo", "cat", "id", "hostname"};
  private static final String[] DIRECTORIES = {"etc", "proc", "dev", "sys", "tmp"};

  private BusyboxRootfs() {}

  /** Creates {@code rootfs} under {@code runDirectory}. */
  static Path create(Path runDirectory) throws IOException {
    Path rootfs = Files.createDirectories(runDirectory.resolve("rootfs"));
    Path bin = Files.createDirectories(rootfs.resolve("bin"));
    Files.copy(BUSYBOX, bin.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.setPosixFilePermissions(
        bin.resolve("busybox"), PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String applet : APPLETS) {
      Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
    }
    for (String directory : DIRECTORIES) {
      Files.createDirectories(rootfs.resolve(directory));
    }
    return rootfs;
  }
}
