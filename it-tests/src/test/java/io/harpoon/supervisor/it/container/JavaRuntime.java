package io.harpoon.supervisor.it.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.spi.ToolProvider;

/**
 * A Java runtime for the image, linked by jlink from this JDK's jmods with only the modules the
 * supervisor needs, and kept under the build directory so it is linked once per {@code mvn clean}.
 *
 * <p>The modules, from {@code jdeps --print-module-deps} run on each jar of the distribution:
 * jnr-posix needs java.management, Guice/Guava/jffi/jnr-ffi java.logging, jffi/Guice/Guava
 * jdk.unsupported. jdeps on all jars at once also names java.desktop, java.sql (Jackson's optional
 * java.beans and java.sql.Date support, looked up reflectively and skipped when absent) and
 * java.compiler (error_prone's annotations): none is needed at run time, which the smoke test
 * proves by running the supervisor on this runtime.
 */
final class JavaRuntime {

  static final List<String> MODULES =
      List.of("java.base", "java.logging", "java.management", "jdk.unsupported");

  private JavaRuntime() {}

  /**
   * The linked runtime under {@code cacheDir}, linking it first when absent. The directory name
   * carries the JDK's version and the modules, so another JDK or module list links anew.
   */
  static Path linked(Path javaHome, Path cacheDir) throws IOException {
    String version = Runtime.version().toString().replaceAll("[^A-Za-z0-9.]", "_");
    Path target =
        cacheDir.resolve("jre-" + version + "-" + Integer.toHexString(MODULES.hashCode()));
    if (Files.isExecutable(target.resolve("bin/java"))) {
      return target;
    }
    Files.createDirectories(cacheDir);
    Path partial = cacheDir.resolve(target.getFileName() + ".partial");
    RootFilesystem.deleteTree(partial);
    jlink(javaHome, partial);
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  /** Where this JDK keeps its jmods; a JRE or a JDK package without them cannot link. */
  static Path jmods(Path javaHome) {
    return javaHome.resolve("jmods");
  }

  private static void jlink(Path javaHome, Path output) throws IOException {
    ToolProvider jlink =
        ToolProvider.findFirst("jlink")
            .orElseThrow(() -> new IOException("this Java has no jlink: run the tests on a JDK"));
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(messages, true, StandardCharsets.UTF_8);
    // A CDS archive keeps the supervisor's cold start near the host's (-Xshare:auto in the
    // launcher).
    int status =
        jlink.run(
            print,
            print,
            "--module-path",
            jmods(javaHome).toString(),
            "--add-modules",
            String.join(",", MODULES),
            "--strip-debug",
            "--no-header-files",
            "--no-man-pages",
            "--generate-cds-archive",
            "--output",
            output.toString());
    if (status != 0) {
      throw new IOException(
          "jlink failed (" + status + "): " + messages.toString(StandardCharsets.UTF_8));
    }
  }
}
