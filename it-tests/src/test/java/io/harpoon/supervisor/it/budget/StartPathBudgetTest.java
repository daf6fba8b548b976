package io.harpoon.supervisor.it.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the supervisor lean with proxies that are stable on a noisy machine, unlike timings: the number
 * of classes its start path loads (recorded by the class data training of {@code mvn package}) and the size
 * of the distribution's jars. Raise a budget only on purpose, saying why in the commit (docs/benchmarks.md).
 */
class StartPathBudgetTest {

  /**
   * Classes loaded by the training run (exec, the container up, stop, down, exit), on the JDK the
   * launcher picks: 4 038 on JDK 25 before the start path wrote JSON with jackson-core's streaming
   * layer; then 3 492 on JDK 17 and 3 508 on JDK 25; 3 450 and 3 445 with the distribution's own
   * runtime and reflection through the native accessor (no method handles spun for Guice's provider
   * methods). The budget leaves about 4 %: building databind's ObjectMapper on the start path again
   * (≈ 500 classes) fails it, and so does a start that spins method handles for reflection again.
   */
  static final int START_PATH_CLASS_BUDGET = 3_600;
  /** The jars of lib/, measured at 10.9 MiB (Guice and Guava are 3.8 MiB of it). */
  static final long DIST_JAR_BYTES_BUDGET = 12L * 1024 * 1024;
  /**
   * The distribution's own Java runtime, 57 MiB (java.base, java.logging, java.management,
   * jdk.unsupported of JDK 25; JDK 17's with its CDS archive alike): one more module (java.desktop
   * alone is 13 MiB) fails it.
   */
  static final long RUNTIME_BYTES_BUDGET = 64L * 1024 * 1024;

  /**
   * The only jnr-posix classes the start path may load: the structs that jnr-unixsocket's own bindings
   * name. Its full interface ({@code POSIXFactory}, {@code POSIX}, {@code LibC}: ≈ 250 libc functions
   * bound, and stubs generated at run time that no class data archive holds, 200-290 ms of CPU) must
   * not come back: the process layer binds its own few calls (adapters.posix.LinuxLibC).
   */
  static final Set<String> JNR_POSIX_ALLOWED = Set.of("jnr.posix.Timeval", "jnr.posix.DefaultNativeTimeval");

  private static final Path BOOTSTRAP_TARGET = Path.of("..", "bootstrap", "target");

  @Test
  void startPath_loadsNoMoreClassesThanItsBudget() throws IOException {
    Path classList = BOOTSTRAP_TARGET.resolve("start-path-classes.txt");
    assertThat(classList).as("written by the class data training of mvn package").exists();
    long classes;
    try (Stream<String> lines = Files.lines(classList)) {
      classes = lines.filter(line -> line.contains(" source: ")).count();
    }
    System.out.println("start path loads " + classes + " classes (budget " + START_PATH_CLASS_BUDGET + ")");
    assertThat(classes).isGreaterThan(1_000).isLessThanOrEqualTo(START_PATH_CLASS_BUDGET);
  }

  @Test
  void startPath_neverLoadsJnrPosixsFullInterface() throws IOException {
    Path classList = BOOTSTRAP_TARGET.resolve("start-path-classes.txt");
    assertThat(classList).as("written by the class data training of mvn package").exists();
    List<String> jnrPosix;
    try (Stream<String> lines = Files.lines(classList)) {
      jnrPosix = lines.filter(line -> line.contains(" source: "))
          .map(line -> line.substring(0, line.indexOf(' ')))
          .filter(name -> name.startsWith("jnr.posix."))
          .collect(Collectors.toList());
    }
    assertThat(jnrPosix).doesNotContain("jnr.posix.POSIXFactory", "jnr.posix.POSIX", "jnr.posix.LibC")
        .allMatch(JNR_POSIX_ALLOWED::contains, "one of " + JNR_POSIX_ALLOWED);
  }

  @Test
  void distribution_jarsStayWithinTheirBudget() throws IOException {
    long bytes;
    try (Stream<Path> jars = Files.list(BOOTSTRAP_TARGET.resolve("dist").resolve("lib"))) {
      bytes = jars.filter(p -> p.toString().endsWith(".jar")).mapToLong(StartPathBudgetTest::size).sum();
    }
    System.out.println("distribution jars: " + bytes + " bytes (budget " + DIST_JAR_BYTES_BUDGET + ")");
    assertThat(bytes).isLessThanOrEqualTo(DIST_JAR_BYTES_BUDGET);
  }

  @Test
  void bundledRuntime_staysWithinItsBudget() throws IOException {
    Path runtime = BOOTSTRAP_TARGET.resolve("dist").resolve("runtime");
    assumeTrue(Files.isDirectory(runtime), "built with -DskipRuntime or without jlink: no runtime");
    long bytes;
    try (Stream<Path> files = Files.walk(runtime)) {
      bytes = files.filter(Files::isRegularFile).mapToLong(StartPathBudgetTest::size).sum();
    }
    System.out.println("bundled runtime: " + bytes + " bytes (budget " + RUNTIME_BYTES_BUDGET + ")");
    assertThat(bytes).isGreaterThan(10L * 1024 * 1024).isLessThanOrEqualTo(RUNTIME_BYTES_BUDGET);
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
