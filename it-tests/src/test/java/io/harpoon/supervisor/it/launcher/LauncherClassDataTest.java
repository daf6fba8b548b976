package io.harpoon.supervisor.it.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    LauncherRun run = LauncherRun.of(LauncherRun.distribution().resolve("bin/harpoon-supervisor"),
        Map.of(), List.of("--version"), temp);

    assertThat(run.exit()).isZero();
    assertThat(run.stdout()).contains("on Java " + stamp[1] + " at " + stamp[0])
        .contains("class data: " + (archive.toString().endsWith(".aot") ? "AOT cache " : "AppCDS archive ")
            + archive);
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
