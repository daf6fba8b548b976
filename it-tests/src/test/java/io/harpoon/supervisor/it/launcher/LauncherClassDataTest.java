package io.harpoon.supervisor.it.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code --version} says about the JDK and the class data, and that class data the launcher cannot
 * or must not use leaves the JVM silent (its warnings would land in the container's log).
 */
class LauncherClassDataTest {

  @TempDir Path temp;

  @Test
  void version_builtDistribution_namesTheJdkAndItsArchive() throws Exception {
    Path archive = ClassDataDistribution.builtArchive().orElse(null);
    assumeTrue(archive != null, "built with -DskipCds: no class data");
    String[] stamp = Files.readString(ClassDataDistribution.stamp(archive)).trim().split(" ");
    String home = stamp[0].replace("HARPOON_HOME/", LauncherRun.distribution() + "/");

    LauncherRun run = LauncherRun.of(LauncherRun.distribution().resolve("bin/harpoon-supervisor"),
        Map.of(), List.of("--version"), temp);

    assertThat(run.exit()).isZero();
    assertThat(run.stdout()).contains("on Java " + stamp[1] + " at " + home)
        .contains("class data: " + (archive.toString().endsWith(".aot") ? "AOT cache " : "AppCDS archive ")
            + archive);
    assertThat(run.stderr()).isEmpty();
  }

  @Test
  void version_distributionMovedWithItsRuntime_jvmStillMapsItsClassData() throws Exception {
    Path built = LauncherRun.distribution();
    Path archive = ClassDataDistribution.builtArchive().orElse(null);
    assumeTrue(archive != null && Files.isDirectory(built.resolve("runtime")),
        "built without a runtime of its own or without class data");
    Path moved = ClassDataDistribution.copy(temp.resolve("moved"));
    copyTree(built.resolve("runtime"), moved.resolve("runtime"));
    Path copied = moved.resolve("lib").resolve(archive.getFileName());
    Files.copy(archive, copied);
    Files.copy(ClassDataDistribution.stamp(archive), ClassDataDistribution.stamp(copied));
    // The JVM refuses to start, rather than run without it, when it cannot map the class data.
    String strict = archive.toString().endsWith(".aot") ? "-XX:AOTMode=on" : "-Xshare:on";

    LauncherRun run = LauncherRun.of(moved.resolve("bin/harpoon-supervisor"),
        Map.of("HARPOON_JAVA_OPTS", strict), List.of("--version"), temp);

    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains("at " + moved.resolve("runtime"))
        .contains("class data: " + (strict.startsWith("-XX") ? "AOT cache " : "AppCDS archive ") + copied);
    assertThat(run.stderr()).isEmpty();
  }

  @Test
  void version_stampOfAnotherJdk_saysSoAndStaysSilent() throws Exception {
    Path archive = archiveInCopy("not an archive", "/opt/another-jdk 99.0.1");

    LauncherRun run = version(archive);

    assertThat(run.exit()).isZero();
    assertThat(run.stdout()).contains("class data: not used: " + archive + " was made for another JDK");
    assertThat(run.stderr()).isEmpty();
  }

  @Test
  void version_corruptArchiveStampedForThisJdk_jvmStartsSilently() throws Exception {
    Path archive = archiveInCopy("not an archive, but the stamp says it is ours",
        ClassDataDistribution.thisJdk());

    LauncherRun run = version(archive);

    assertThat(run.exit()).isZero();
    assertThat(run.stdout().lines()).hasSize(2);
    assertThat(run.stdout()).contains("class data: ").doesNotContain("warning", "error", "[aot]", "[cds]");
    assertThat(run.stderr()).isEmpty();
  }

  @Test
  void version_classDataSwitchedOff_saysSo() throws Exception {
    LauncherRun run = LauncherRun.of(LauncherRun.distribution().resolve("bin/harpoon-supervisor"),
        Map.of("HARPOON_CLASS_DATA", "off"), List.of("--version"), temp);

    assertThat(run.stdout()).contains("class data: not used (HARPOON_CLASS_DATA=off)");
  }

  /** Copies {@code from} to {@code to} with the files' modes and times (as unpacking a tarball does). */
  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
            LinkOption.NOFOLLOW_LINKS);
      }
    }
  }

  /** A copy of the distribution whose archive for this JDK holds {@code content}, stamped {@code stamp}. */
  private Path archiveInCopy(String content, String stamp) throws Exception {
    Path dist = ClassDataDistribution.copy(temp.resolve("dist"));
    Path archive = dist.resolve("lib").resolve(ClassDataDistribution.archiveNameForThisJdk());
    Files.writeString(archive, content);
    Files.writeString(ClassDataDistribution.stamp(archive), stamp + "\n");
    return archive;
  }

  /** {@code --version} of the distribution that holds {@code archive} in its lib/. */
  private LauncherRun version(Path archive) throws Exception {
    Path dist = archive.getParent().getParent();
    return LauncherRun.of(dist.resolve("bin/harpoon-supervisor"),
        Map.of("HARPOON_JAVA_HOME", System.getProperty("java.home")), List.of("--version"), temp);
  }
}
