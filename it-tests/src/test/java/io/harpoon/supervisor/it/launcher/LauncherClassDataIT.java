package io.harpoon.supervisor.it.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpoon.supervisor.it.support.ControlClient;
import io.harpoon.supervisor.it.support.HostEnvironment;
import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SupervisorState;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real supervised start (root, runc) through the launcher: it maps the class data {@code mvn package}
 * made, and class data made for another JDK costs the start its speed but never a warning in the log.
 */
class LauncherClassDataIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  /** On this machine 95 % of the classes of a start come from the archive (AOT cache or AppCDS). */
  private static final double SHARED_FRACTION_FLOOR = 0.8;

  @TempDir Path temp;
  private HostEnvironment host;

  @BeforeEach
  void requireRootAndRunc() {
    host = HostEnvironment.fromSystemProperty();
    List<String> missing = host.missingPrerequisites();
    assumeTrue(missing.isEmpty(), () -> "skipped: " + missing);
  }

  @Test
  void start_builtDistribution_classesComeFromItsArchive() throws Exception {
    assumeTrue(ClassDataDistribution.builtArchive().isPresent(), "built with -DskipCds: no class data");
    Path classLog = temp.resolve("classes.txt");

    Output output = superviseOnce(LauncherRun.distribution(),
        Map.of("HARPOON_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog));

    long loaded;
    long shared;
    try (Stream<String> lines = Files.lines(classLog)) {
      List<String> classes = lines.filter(line -> line.contains(" source: ")).toList();
      loaded = classes.size();
      shared = classes.stream().filter(line -> line.contains("source: shared objects file")).count();
    }
    System.out.println("class data: " + shared + " of " + loaded + " classes from the archive");
    assertThat((double) shared / loaded).isGreaterThan(SHARED_FRACTION_FLOOR);
    assertThat(output.stdout()).isEmpty();
  }

  @Test
  void start_archiveStampedForAnotherJdk_startsWithoutAnyJvmOutput() throws Exception {
    Path dist = ClassDataDistribution.copy(temp.resolve("dist"));
    for (String suffix : List.of(".aot", ".jsa")) {
      Path archive = dist.resolve("lib").resolve(ClassDataDistribution.BASE + suffix);
      Files.writeString(archive, "made by another JDK");
      Files.writeString(ClassDataDistribution.stamp(archive), "/opt/another-jdk 99.0.1\n");
    }

    Output output = superviseOnce(dist, Map.of());

    assertThat(output.stdout()).isEmpty();
    // Every stderr line is the supervisor's own log ("<time> harpoon-supervisor[ID] LEVEL ...").
    assertThat(output.stderr().lines()).isNotEmpty()
        .allMatch(line -> line.matches("\\S+ harpoon-supervisor\\[[^]]+] [A-Z]+ .*"));
  }

  /** Starts a supervisor of an idle container, waits for up, kills it, exits; returns its output. */
  private Output superviseOnce(Path dist, Map<String, String> env) throws Exception {
    String id = "hs-it-launch-" + ProcessHandle.current().pid();
    RunDirectory dir = RunDirectory.create(temp, id, host.busybox());
    Path out = temp.resolve("supervisor.out");
    Path err = temp.resolve("supervisor.err");
    ProcessBuilder builder = new ProcessBuilder(dist.resolve("bin/harpoon-supervisor").toString(),
        "--hostname", "it-host", "--ID", id, "--", "sh", "-c", "trap 'exit 0' TERM; sleep 1000 & wait")
        .directory(dir.path().toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("HARPOON"));
    builder.environment().putAll(env);
    Process supervisor = builder.start();
    try (ControlClient client = ControlClient.connect(dir.control(), TIMEOUT)) {
      client.awaitState("up", SupervisorState::up, TIMEOUT);
      client.send("kill");
      client.awaitState("down", state -> !state.up(), TIMEOUT);
      client.send("exit");
      assertThat(supervisor.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    } finally {
      supervisor.destroyForcibly();
      host.run(TIMEOUT, List.of("runc", "delete", "-f", id));
    }
    return new Output(Files.readString(out), Files.readString(err));
  }

  private record Output(String stdout, String stderr) {}
}
