package io.harpoon.supervisor.it.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The container environment works end to end: the image builds, the supervisor starts in the
 * capable container on a run directory made on this machine, runc creates the nested container with
 * its cgroup limits, and the control socket made inside is driven from here.
 */
class ContainerSmokeIT {

  private static final Path RUN_BASE = Path.of("/tmp/hs-ct");
  private static final Duration STARTUP = Duration.ofSeconds(30);
  private static final String AGENT_JSON =
      """
      {"command": {"working_dir": "/"}, "resources": {"mem": 64, "cpu": 0.5, "fd": 1024},
       "restart": "on-failure"}
      """;

  private static List<String> missing;
  private static DockerSupervisorHost host;
  private Path runDirectory;

  @BeforeAll
  static void startHost() throws IOException {
    missing = DockerPrerequisites.missing(ImageSources.ofThisMachine());
    if (missing.isEmpty()) {
      host = DockerSupervisorHost.start(ContainerImage.forThisMachine(), RUN_BASE);
    }
  }

  @AfterAll
  static void removeHost() {
    if (host != null) {
      host.close();
    }
  }

  @BeforeEach
  void requireDocker() throws IOException {
    DockerPrerequisites.require(missing);
    runDirectory =
        busyboxRunDirectory("ct-smoke-" + Long.toString(ProcessHandle.current().pid(), 36));
  }

  @AfterEach
  void deleteRunDirectory() throws IOException {
    if (runDirectory != null) {
      RootFilesystem.deleteTree(runDirectory);
    }
  }

  @Test
  void running_killThenExit_signaledNineAndSupervisorExitsZero() throws Exception {
    String id = runDirectory.getFileName().toString();
    ContainerProcess supervisor =
        host.startSupervisor(
            runDirectory,
            List.of("--hostname", "ct-smoke", "--ID", id, "--", "sleep", "1000"),
            runDirectory.resolve("supervisor.out"),
            runDirectory.resolve("supervisor.err"));
    try (StateStream states = StateStream.connect(runDirectory.resolve("control"), STARTUP)) {
      states.await("up:true", s -> s.contains("\"up\":true"), STARTUP);
      assertThat(cgroupFile("memory", id, "memory.limit_in_bytes"))
          .as("the nested container's memory limit (64 MB)")
          .isEqualTo("67108864");
      assertThat(cgroupFile("cpu", id, "cpu.cfs_quota_us"))
          .as("the nested container's CPU quota (0.5 of a 100 ms period)")
          .isEqualTo("50000");

      states.send("kill");
      states.await(
          "signal 9", s -> s.contains("\"signaled\":true,\"signal\":9"), Duration.ofSeconds(10));
      states.send("exit");

      assertThat(supervisor.waitFor(10, TimeUnit.SECONDS)).as("supervisor exited").isTrue();
      assertThat(supervisor.exitValue()).as(stderr()).isZero();
    } finally {
      supervisor.destroyForcibly();
    }
  }

  @Test
  void spawnedSleep_killed_exitValueIs128PlusNineAndPidIsTheContainers() throws Exception {
    ContainerProcess sleep =
        host.spawn(
            runDirectory,
            List.of("sleep", "1000"),
            runDirectory.resolve("sleep.out"),
            runDirectory.resolve("sleep.err"));

    assertThat(host.exec("cat", "/proc/" + sleep.pid() + "/comm").stdout().strip())
        .isEqualTo("sleep");
    assertThat(sleep.isAlive()).isTrue();
    sleep.destroyForcibly();
    assertThat(sleep.waitFor(10, TimeUnit.SECONDS)).as("sleep ended").isTrue();
    assertThat(sleep.exitValue()).isEqualTo(128 + 9);
  }

  @Test
  void exec_pastItsTimeout_reportsTimedOutWithoutWaitingForTheCommand() {
    long started = System.nanoTime();

    ExecResult result = host.exec(Duration.ofMillis(500), List.of("sleep", "30"));

    assertThat(result.exitCode()).isEqualTo(ExecResult.TIMED_OUT);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  /** A file of the nested container's cgroup, read inside the host container. */
  private static String cgroupFile(String controller, String id, String file) {
    String path = "/sys/fs/cgroup/" + controller + "/harpoon/" + id + "/" + file;
    ExecResult cat = host.exec("cat", path);
    assertThat(cat.succeeded()).as("cat " + path + ": " + cat).isTrue();
    return cat.stdout().strip();
  }

  private String stderr() throws IOException {
    return "supervisor stderr:\n" + Files.readString(runDirectory.resolve("supervisor.err"));
  }

  /** agent.json and a rootfs of busybox with sh and sleep, as the agent would lay them out. */
  private static Path busyboxRunDirectory(String id) throws IOException {
    Path dir = RUN_BASE.resolve(id);
    RootFilesystem.deleteTree(dir);
    Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
    for (String sub : List.of("bin", "etc", "proc", "dev", "sys", "tmp")) {
      Files.createDirectories(rootfs.resolve(sub));
    }
    Files.copy(Path.of("/bin/busybox"), rootfs.resolve("bin/busybox"));
    Files.setPosixFilePermissions(
        rootfs.resolve("bin/busybox"), PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String applet : List.of("sh", "sleep")) {
      Files.createSymbolicLink(rootfs.resolve("bin").resolve(applet), Path.of("busybox"));
    }
    Files.writeString(rootfs.resolve("etc/passwd"), "daemon:x:1:1:daemon:/:/bin/sh\n");
    Files.writeString(rootfs.resolve("etc/group"), "daemon:x:1:\n");
    Files.writeString(rootfs.resolve("etc/resolv.conf"), "");
    Files.writeString(dir.resolve("agent.json"), AGENT_JSON);
    return dir;
  }
}
