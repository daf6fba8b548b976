package io.harpoon.supervisor.it.container;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * jffi's native stub, which jnr loads at run time from the {@code jffi-*-native.jar} of the
 * distribution. It is unpacked here only to ask ldd what it loads (it dlopen()s libc by name too,
 * which the JVM has loaded already).
 */
final class JffiStub {

  private JffiStub() {}

  /**
   * The stub for this machine's architecture unpacked under {@code cacheDir}; empty when absent.
   */
  static List<Path> extract(Path distribution, Path cacheDir) throws IOException {
    String prefix = "jni/" + architecture() + "-Linux/";
    try (DirectoryStream<Path> jars =
        Files.newDirectoryStream(distribution.resolve("lib"), "jffi-*-native.jar")) {
      for (Path jar : jars) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
          for (ZipEntry entry : zip.stream().toList()) {
            if (entry.getName().startsWith(prefix) && entry.getName().endsWith(".so")) {
              return List.of(unpack(zip, entry, cacheDir.resolve("jffi")));
            }
          }
        }
      }
    }
    return List.of();
  }

  private static Path unpack(ZipFile zip, ZipEntry entry, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path target = dir.resolve(Path.of(entry.getName()).getFileName());
    try (InputStream in = zip.getInputStream(entry)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  /** jffi names its directories after the GNU architecture: x86_64, aarch64. */
  private static String architecture() {
    String arch = System.getProperty("os.arch");
    return "amd64".equals(arch) ? "x86_64" : arch;
  }
}
