package io.harpoon.supervisor.it.container;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the image's ingredients come from on this machine.
 *
 * @param distribution the supervisor's distribution ({@code bin/harpoon-supervisor}, {@code lib/})
 * @param javaHome the JDK whose jmods are linked into the image's Java runtime
 * @param runc the OCI runtime binary (dynamically linked: its libraries are copied too)
 * @param busybox a static busybox: the image's shell, mount, awk, sleep...
 */
public record ImageSources(Path distribution, Path javaHome, Path runc, Path busybox) {

  public ImageSources {
    Objects.requireNonNull(distribution, "distribution");
    Objects.requireNonNull(javaHome, "javaHome");
    Objects.requireNonNull(runc, "runc");
    Objects.requireNonNull(busybox, "busybox");
  }

  /**
   * The distribution named by the system property {@code harpoon.dist} (failsafe sets it; the
   * reactor's when run from an IDE), this JVM's JDK, the first runc on PATH and /bin/busybox.
   */
  public static ImageSources ofThisMachine() {
    Path distribution = Path.of(System.getProperty("harpoon.dist", "../bootstrap/target/dist"));
    Path runc = onPath("runc").orElse(Path.of("/usr/sbin/runc"));
    return new ImageSources(
        distribution.toAbsolutePath().normalize(),
        Path.of(System.getProperty("java.home")),
        runc,
        Path.of("/bin/busybox"));
  }

  /** The launcher inside the distribution. */
  public Path launcher() {
    return distribution.resolve("bin/harpoon-supervisor");
  }

  /** What is missing to build the image here; empty when everything is there. */
  public List<String> missing() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(launcher())) {
      missing.add("no distribution at " + distribution + " (run mvn package first)");
    }
    if (!Files.isDirectory(JavaRuntime.jmods(javaHome))) {
      missing.add("no jmods in " + javaHome + " to jlink the image's Java (install a full JDK)");
    }
    if (!Files.isExecutable(runc)) {
      missing.add("no runc at " + runc + " (install runc)");
    }
    if (!Files.isRegularFile(busybox)) {
      missing.add("no " + busybox + " (install busybox-static)");
    }
    if (onPath("ldd").isEmpty()) {
      missing.add("no ldd on PATH to find the libraries of java and runc");
    }
    return missing;
  }

  private static Optional<Path> onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = dir.isEmpty() ? null : Path.of(dir, tool);
      if (candidate != null && Files.isExecutable(candidate)) {
        return Optional.of(realPath(candidate));
      }
    }
    return Optional.empty();
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path;
    }
  }
}
