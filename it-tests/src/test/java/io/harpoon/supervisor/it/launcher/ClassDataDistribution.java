package io.harpoon.supervisor.it.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The distribution's class data, and copies of the distribution (bin/ copied, lib/ linked) whose
 * archive and stamp a test may spoil without touching the build's.
 */
final class ClassDataDistribution {

  static final String BASE = "harpoon-supervisor";

  private ClassDataDistribution() {}

  /** The archive {@code mvn package} made (.aot or .jsa, whichever has a stamp), if any. */
  static Optional<Path> builtArchive() {
    Path lib = LauncherRun.distribution().resolve("lib");
    return Stream.of(".aot", ".jsa").map(suffix -> lib.resolve(BASE + suffix))
        .filter(archive -> Files.exists(stamp(archive))).findFirst();
  }

  static Path stamp(Path archive) {
    return archive.resolveSibling(archive.getFileName() + ".jdk");
  }

  /** A copy of the distribution under {@code target}, without its class data. */
  static Path copy(Path target) throws IOException {
    Path dist = LauncherRun.distribution();
    Path bin = Files.createDirectories(target.resolve("bin"));
    Path lib = Files.createDirectories(target.resolve("lib"));
    try (Stream<Path> files = Files.list(dist.resolve("bin"))) {
      files.forEach(file -> copyFile(file, bin.resolve(file.getFileName())));
    }
    try (Stream<Path> files = Files.list(dist.resolve("lib"))) {
      for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(BASE)).toList()) {
        Files.createSymbolicLink(lib.resolve(file.getFileName()), file);
      }
    }
    return target;
  }

  /** {@code HOME VERSION} of the JDK running this test, as the launcher writes stamps. */
  static String thisJdk() throws IOException {
    Path home = Path.of(System.getProperty("java.home")).toRealPath();
    String version = Files.readAllLines(home.resolve("release")).stream()
        .filter(line -> line.startsWith("JAVA_VERSION="))
        .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
        .findFirst().orElseThrow();
    return home + " " + version;
  }

  /** The archive's file name for the JDK running this test. */
  static String archiveNameForThisJdk() {
    return BASE + (Runtime.version().feature() >= 25 ? ".aot" : ".jsa");
  }

  private static void copyFile(Path from, Path to) {
    try {
      Files.copy(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
