package io.harpoon.supervisor.it.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The static C probe of src/test/resources/probe/harpoon-probe.c, built once per test JVM with
 * {@code gcc -static} on the machine running the tests and copied into a container's rootfs: it
 * makes the system calls busybox cannot (keyctl, io_uring_setup, bpf...). Without gcc the scenario
 * is skipped with the reason, and fails under CI=true.
 */
public final class StaticProbe {

  /** Where the probe is in a rootfs it was installed in. */
  public static final String IN_CONTAINER = "/bin/harpoon-probe";

  private static Path built;

  private StaticProbe() {}

  /** Copies the probe into {@code dir}'s rootfs, building it first if needed. */
  public static synchronized void install(RunDirectory dir) throws IOException {
    if (built == null) {
      built = build();
    }
    Path target = dir.rootfs().resolve(IN_CONTAINER.substring(1));
    Files.copy(built, target, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static Path build() throws IOException {
    Path gcc = onPath("gcc");
    if (gcc == null) {
      Prerequisites.require("the static probe", List.of("no gcc on PATH to build it"));
    }
    Path dir = Files.createTempDirectory("harpoon-probe");
    Path source = dir.resolve("harpoon-probe.c");
    try (InputStream in = StaticProbe.class.getResourceAsStream("/probe/harpoon-probe.c")) {
      Files.copy(in, source);
    }
    Path binary = dir.resolve("harpoon-probe");
    Path log = dir.resolve("gcc.log");
    try {
      Process gccRun = new ProcessBuilder(gcc.toString(), "-static", "-O1", "-o", binary.toString(),
          source.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!gccRun.waitFor(120, TimeUnit.SECONDS) || gccRun.exitValue() != 0) {
        gccRun.destroyForcibly();
        Prerequisites.require("the static probe", List.of("gcc -static failed (is libc6-dev there?): "
            + Files.readString(log, StandardCharsets.UTF_8).strip()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while building the probe", e);
    }
    Files.delete(source);
    Files.delete(log);
    // Deleted in the reverse order of registration: the binary, then its directory.
    dir.toFile().deleteOnExit();
    binary.toFile().deleteOnExit();
    return binary;
  }

  private static Path onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return Path.of(dir, tool);
      }
    }
    return null;
  }
}
