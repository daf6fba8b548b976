package io.harpoon.supervisor.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Puts {@link PeerProbe}'s class file where another user, in any environment, can run it. */
public final class PeerProbes {

  private PeerProbes() {}

  /** Copies the probe under {@code runDirectory/probe}, readable by everyone; returns its class path. */
  public static Path install(Path runDirectory) throws IOException {
    String relative = PeerProbe.class.getName().replace('.', '/') + ".class";
    Path classes;
    try {
      classes = Path.of(PeerProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    Path classPath = runDirectory.resolve("probe");
    Path target = classPath.resolve(relative);
    Files.createDirectories(target.getParent());
    Files.copy(classes.resolve(relative), target, StandardCopyOption.REPLACE_EXISTING);
    for (Path p = target; p.startsWith(runDirectory.getParent()); p = p.getParent()) {
      readableByAll(p);
    }
    return classPath;
  }

  private static void readableByAll(Path path) {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
          Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
