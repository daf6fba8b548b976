package io.harpoon.supervisor.it.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which Java bin/harpoon-supervisor runs, with fake JDKs: directories with a {@code release} file and a
 * {@code bin/java} script that prints which JDK it is and the options it got. The search path and PATH
 * are the test's own, so the machine's real JDKs play no part.
 */
class LauncherJavaSelectionTest {

  @TempDir Path temp;
  private Path launcher;
  private Path jvms;
  private Path path;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void copyLaunchers() throws IOException {
    Path bin = Files.createDirectories(temp.resolve("dist/bin"));
    Files.createDirectories(temp.resolve("dist/lib"));
    for (String name : List.of("harpoon-supervisor", "launcher-common.sh")) {
      Files.copy(LauncherRun.distribution().resolve("bin").resolve(name), bin.resolve(name));
    }
    launcher = bin.resolve("harpoon-supervisor");
    jvms = Files.createDirectories(temp.resolve("jvm"));
    // Only the tools the launcher needs, and no java unless a test puts one there.
    path = Files.createDirectories(temp.resolve("path"));
    for (String tool : List.of("readlink", "dirname", "basename", "awk")) {
      Files.createSymbolicLink(path.resolve(tool), Path.of("/usr/bin", tool));
    }
    env.put("PATH", path.toString());
    env.put("HARPOON_JAVA_SEARCH", jvms + "/*");
    env.put("JAVA_HOME", "");
  }

  @Test
  void search_severalJdks_newestWins() throws Exception {
    fakeJdk("a-jdk-25", "25.0.3");
    fakeJdk("b-jdk-17", "17.0.15");
    fakeJdk("c-jdk-21", "21.0.8");

    assertThat(chosen()).isEqualTo(jvms.resolve("a-jdk-25") + " 25.0.3");
  }

  @Test
  void javaHome_olderThanOneInTheSearch_pinsIt() throws Exception {
    env.put("JAVA_HOME", fakeJdk("old", "17.0.15").toString());
    fakeJdk("new", "21.0.8");

    assertThat(chosen()).isEqualTo(jvms.resolve("old") + " 17.0.15");
  }

  @Test
  void javaHome_outsideTheSearchPath_pinsIt() throws Exception {
    Path home = Files.createDirectories(temp.resolve("home"));
    env.put("JAVA_HOME", fakeJdk(home, "mine", "21.0.1").toString());
    fakeJdk("other", "25.0.3");

    assertThat(chosen()).isEqualTo(home.resolve("mine") + " 21.0.1");
  }

  @Test
  void javaHome_notAJdk_failsNamingItInsteadOfSearching() throws Exception {
    fakeJdk("java-25", "25.0.3");
    env.put("JAVA_HOME", temp.resolve("nothing").toString());

    LauncherRun run = run(List.of("--version"));

    assertThat(run.exit()).isNotZero();
    assertThat(run.stderr()).contains("JAVA_HOME=" + temp.resolve("nothing"))
        .contains("not a Java 17 or newer");
    assertThat(run.stdout()).isEmpty();
  }

  @Test
  void javaHome_olderThan17_failsNamingIt() throws Exception {
    fakeJdk("java-25", "25.0.3");
    env.put("JAVA_HOME", fakeJdk("java-11", "11.0.2").toString());

    LauncherRun run = run(List.of("--version"));

    assertThat(run.exit()).isNotZero();
    assertThat(run.stderr()).contains("JAVA_HOME=" + jvms.resolve("java-11"));
  }

  @Test
  void javaHomeAndHarpoonJavaHome_harpoonJavaHomeWins() throws Exception {
    env.put("JAVA_HOME", fakeJdk("java-21", "21.0.8").toString());
    env.put("HARPOON_JAVA_HOME", fakeJdk("java-17", "17.0.15").toString());

    assertThat(chosen()).isEqualTo(jvms.resolve("java-17") + " 17.0.15");
  }

  @Test
  void harpoonctl_javaHome_pinsItToo() throws Exception {
    Files.copy(LauncherRun.distribution().resolve("bin/harpoonctl"), launcher.resolveSibling("harpoonctl"));
    env.put("JAVA_HOME", fakeJdk("java-17", "17.0.15").toString());
    fakeJdk("java-25", "25.0.3");

    LauncherRun run = LauncherRun.of(launcher.resolveSibling("harpoonctl"), env, List.of("--version"), temp);

    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.stdout().lines().findFirst().orElseThrow())
        .isEqualTo("java " + jvms.resolve("java-17") + " 17.0.15");
  }

  @Test
  void search_jdksOlderThan17_ignored() throws Exception {
    fakeJdk("java-8", "1.8.0_392");
    fakeJdk("java-11", "11.0.2");
    fakeJdk("java-17", "17.0.15");

    assertThat(chosen()).isEqualTo(jvms.resolve("java-17") + " 17.0.15");
  }

  @Test
  void search_onlyOlderThan17_failsSayingWhy() throws Exception {
    fakeJdk("java-11", "11.0.2");

    LauncherRun run = run(List.of("--version"));

    assertThat(run.exit()).isNotZero();
    assertThat(run.stderr()).contains("no Java 17 or newer found").contains("set JAVA_HOME");
    assertThat(run.stdout()).isEmpty();
  }

  @Test
  void override_olderThanTheNewest_pinsIt() throws Exception {
    fakeJdk("java-25", "25.0.3");
    env.put("HARPOON_JAVA_HOME", fakeJdk("java-17", "17.0.15").toString());

    assertThat(chosen()).isEqualTo(jvms.resolve("java-17") + " 17.0.15");
  }

  @Test
  void override_notAJdk_failsInsteadOfSearching() throws Exception {
    fakeJdk("java-25", "25.0.3");
    env.put("HARPOON_JAVA_HOME", temp.resolve("nothing").toString());

    LauncherRun run = run(List.of("--version"));

    assertThat(run.exit()).isNotZero();
    assertThat(run.stderr()).contains("HARPOON_JAVA_HOME=" + temp.resolve("nothing"));
  }

  @Test
  void path_newestIsTheJavaOnPath_followsItsLinks() throws Exception {
    fakeJdk("java-17", "17.0.15");
    Path onPath = fakeJdk(Files.createDirectories(temp.resolve("opt")), "jdk-21", "21.0.8");
    Files.createSymbolicLink(path.resolve("java"), onPath.resolve("bin/java"));

    assertThat(chosen()).isEqualTo(onPath + " 21.0.8");
  }

  @Test
  void release_missing_asksJavaVersion() throws Exception {
    Path jdk = fakeJdk("java-22", "22.0.1");
    Files.delete(jdk.resolve("release"));
    fakeJdk("java-21", "21.0.8");

    assertThat(chosen()).isEqualTo(jdk + " 22.0.1");
  }

  @Test
  void bundledRuntime_winsOverNewerJdksOfTheHost() throws Exception {
    Path runtime = fakeJdk(temp.resolve("dist"), "runtime", "21.0.8");
    fakeJdk("java-25", "25.0.3");
    fakeJdk("java-26", "26.0.1");

    assertThat(chosen()).isEqualTo(runtime + " 21.0.8");
  }

  @Test
  void bundledRuntime_javaHomePinsOverIt() throws Exception {
    fakeJdk(temp.resolve("dist"), "runtime", "25.0.3");
    Path home = fakeJdk("home-21", "21.0.8");
    env.put("JAVA_HOME", home.toString());

    assertThat(chosen()).isEqualTo(home + " 21.0.8");
  }

  @Test
  void bundledRuntime_pinnedJdkWinsOverIt() throws Exception {
    fakeJdk(temp.resolve("dist"), "runtime", "25.0.3");
    env.put("HARPOON_JAVA_HOME", fakeJdk("java-17", "17.0.15").toString());

    assertThat(chosen()).isEqualTo(jvms.resolve("java-17") + " 17.0.15");
  }

  @Test
  void bundledRuntime_olderThan17_hostSearchedInstead() throws Exception {
    fakeJdk(temp.resolve("dist"), "runtime", "11.0.2");
    fakeJdk("java-21", "21.0.8");

    assertThat(chosen()).isEqualTo(jvms.resolve("java-21") + " 21.0.8");
  }

  @Test
  void launcher_startedThroughASymlink_findsItsDistribution() throws Exception {
    Path runtime = fakeJdk(temp.resolve("dist"), "runtime", "25.0.3");
    fakeJdk("java-21", "21.0.8");
    launcher = Files.createSymbolicLink(path.resolve("harpoon-supervisor"), launcher);

    assertThat(chosen()).isEqualTo(runtime + " 25.0.3");
  }

  @Test
  void classPath_theJarsOfLibInNameOrder() throws Exception {
    fakeJdk("java-21", "21.0.8");
    Path lib = temp.resolve("dist/lib");
    for (String jar : List.of("b-2.jar", "a-1.jar", "c-3.jar")) {
      Files.writeString(lib.resolve(jar), "");
    }
    Files.writeString(lib.resolve("notes.txt"), "");

    List<String> options = run(List.of("--hostname", "h")).stdout().lines().toList();

    assertThat(options.get(options.indexOf("-cp") + 1)).isEqualTo(
        lib.resolve("a-1.jar") + ":" + lib.resolve("b-2.jar") + ":" + lib.resolve("c-3.jar"));
  }

  @Test
  void flags_java25_getAotCacheSilencingAndNativeAccess() throws Exception {
    fakeJdk("java-25", "25.0.3");

    String options = run(List.of("--hostname", "h")).stdout();

    assertThat(options).contains("-Xlog:aot*=off", "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC")
        .doesNotContain("-Xshare");
  }

  @Test
  void flags_java18AndLater_reflectionThroughTheNativeAccessor() throws Exception {
    fakeJdk("java-21", "21.0.8");

    assertThat(run(List.of("--hostname", "h")).stdout().lines())
        .contains("-Djdk.reflect.useNativeAccessorOnly=true");
  }

  @Test
  void environment_glibcMapsLargeBlocksOnTheirOwn_unlessSetAlready() throws Exception {
    fakeJdk("java-25", "25.0.3");

    assertThat(run(List.of("--hostname", "h")).stdout()).contains("env MALLOC_MMAP_THRESHOLD_=32768");
    env.put("MALLOC_MMAP_THRESHOLD_", "65536");
    assertThat(run(List.of("--hostname", "h")).stdout()).contains("env MALLOC_MMAP_THRESHOLD_=65536");
  }

  @Test
  void flags_java17_noOptionsItWouldRefuse() throws Exception {
    fakeJdk("java-17", "17.0.15");

    String options = run(List.of("--hostname", "h")).stdout();

    assertThat(options).contains("-Xlog:cds*=off", "-XX:+UseSerialGC")
        .doesNotContain("-Xlog:aot", "--enable-native-access", "--sun-misc-unsafe-memory-access", "-Xshare",
            "useNativeAccessorOnly");
  }

  /** The JDK the launcher ran, as {@code HOME VERSION}, from what the fake java printed. */
  private String chosen() throws Exception {
    LauncherRun run = run(List.of("--version"));
    assertThat(run.exit()).as(run.stderr()).isZero();
    return run.stdout().lines().findFirst().orElseThrow().replaceFirst("^java ", "");
  }

  private LauncherRun run(List<String> args) throws Exception {
    return LauncherRun.of(launcher, env, args, temp);
  }

  private Path fakeJdk(String name, String version) throws IOException {
    return fakeJdk(jvms, name, version);
  }

  /**
   * A JDK whose bin/java prints {@code java HOME VERSION}, then its arguments one a line, then {@code env
   * NAME=VALUE} of the environment variables the launcher sets.
   */
  private static Path fakeJdk(Path parent, String name, String version) throws IOException {
    Path home = Files.createDirectories(parent.resolve(name).resolve("bin")).getParent();
    Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
    Path java = home.resolve("bin/java");
    Files.writeString(java, String.join("\n",
        "#!/bin/sh",
        "if [ \"$1\" = -version ]; then echo 'openjdk version \"" + version + "\" 2025-01-01' >&2; exit 0; fi",
        "echo \"java " + home + " " + version + "\"",
        "for a in \"$@\"; do echo \"$a\"; done",
        "echo \"env MALLOC_MMAP_THRESHOLD_=${MALLOC_MMAP_THRESHOLD_-unset}\"",
        ""));
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }
}
