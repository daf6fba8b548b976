package io.harpoon.supervisor.adapters.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpoon.supervisor.adapters.posix.NativeProcesses;
import io.harpoon.supervisor.application.port.out.ContainerRuntime.Leftover;
import io.harpoon.supervisor.application.port.out.LaunchSpec;
import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.Signal;
import io.harpoon.supervisor.domain.container.WaitStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter against a shell script that plays runc (src/test/resources/runtime/fake-runtime.sh):
 * command lines, error messages, abandoning and the subreaper, without root.
 */
class FakeRuntimeTest {

  private static final ContainerId ID = new ContainerId("fake-1");

  @TempDir Path dir;
  private Path bin;
  private LaunchSpec spec;
  private final RecordingLog log = new RecordingLog();
  private RuncContainerRuntime runtime;

  @BeforeEach
  void fakeRuntime() throws IOException {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux");
    bin = Files.createDirectory(dir.resolve("bin"));
    Path script = bin.resolve("fake-runtime");
    try (InputStream in = getClass().getResourceAsStream("/runtime/fake-runtime.sh")) {
      Files.copy(in, script);
    }
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Path runDirectory = Files.createDirectory(dir.resolve("run"));
    Files.createDirectory(runDirectory.resolve("rootfs"));
    spec = LaunchSpecs.defaults().build(ID.value(), "fake.example", runDirectory);
    runtime =
        new RuncContainerRuntime(
            script.toString(), RuntimePolicy.DEFAULT, NativeProcesses.instance(), log);
  }

  @Test
  void runtimeSucceeds_create_writesTheBundleAndReturnsTheReparentedInit() throws Exception {
    behave("create", "sleep 100 & echo $! > \"$PIDFILE\"");

    int pid = runtime.create(spec);

    assertThat(spec.runDirectory().resolve("config.json")).isNotEmptyFile();
    assertThat(calls())
        .startsWith(
            "--version\ncreate --bundle "
                + spec.runDirectory()
                + " --pid-file "
                + spec.runDirectory().resolve("container.pid")
                + " fake-1\n");
    CompletableFuture<WaitStatus> exit = new CompletableFuture<>();
    runtime.onExit(pid, exit::complete);
    runtime.signal(pid, Signal.KILL);
    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(new WaitStatus.Signaled(9));
  }

  @Test
  void runtimeFails_create_throwsWithTheRuntimesOwnMessage() {
    behave(
        "create",
        "echo '{\"level\":\"warning\",\"msg\":\"ignored\"}' >> \"$LOG\"\n"
            + "echo '{\"level\":\"error\",\"msg\":\"fake-runtime create failed: no such rootfs\"}'"
            + " >> \"$LOG\"\n"
            + "exit 1");

    assertThatThrownBy(() -> runtime.create(spec))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessage("fake-runtime create exited with status 1: no such rootfs");
    assertThat(spec.runDirectory().resolve("runtime.log")).content().contains("no such rootfs");
  }

  @Test
  void runtimeFailsSilentlyInItsLog_create_errSaysWhereItsStderrWent() {
    behave("create", "echo 'fake-runtime: no such rootfs' >&2; exit 1");

    assertThatThrownBy(() -> runtime.create(spec))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessage(
            "fake-runtime create exited with status 1 and left no message in its log"
                + " (runtime.log); anything it printed is on the supervisor's stderr, which the"
                + " container's output goes to");
  }

  @Test
  void runtimeFailsSilently_start_errSaysSo() {
    behave("start", "exit 3");

    assertThatThrownBy(() -> runtime.start(ID))
        .hasMessage(
            "fake-runtime start exited with status 3 and left no message in its log or on its"
                + " stderr");
  }

  @Test
  void runtimeHangs_abandonStart_failsTheCreate() throws Exception {
    behave("create", "touch \"$(dirname \"$0\")/hanging\"; exec sleep 100");
    CompletableFuture<Throwable> failure =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                runtime.create(spec);
                return null;
              } catch (RuntimeFailure e) {
                return e;
              }
            });
    awaitFile(bin.resolve("hanging"));

    runtime.abandonStart();

    assertThat(failure.get(10, TimeUnit.SECONDS))
        .hasMessage("fake-runtime create was abandoned: the start took too long");
  }

  @Test
  void abandonedAfterCreate_start_failsWithoutRunningTheRuntime() throws Exception {
    behave("create", "sleep 100 & echo $! > \"$PIDFILE\"");
    int pid = runtime.create(spec);
    runtime.abandonStart();

    assertThatThrownBy(() -> runtime.start(ID)).hasMessageContaining("abandoned");
    assertThat(calls()).doesNotContain("start");
    runtime.signal(pid, Signal.KILL);
  }

  @Test
  void runtimeStartFails_start_throwsWithStderrWhenTheLogIsEmpty() {
    behave("start", "echo 'cannot start a container that has stopped' >&2; exit 1");

    assertThatThrownBy(() -> runtime.start(ID))
        .hasMessage(
            "fake-runtime start exited with status 1: cannot start a container that has stopped");
  }

  @Test
  void containerUnknown_release_isQuiet() {
    behave(
        "delete",
        "echo '{\"level\":\"error\",\"msg\":\"container does not exist\"}' >> \"$LOG\"; exit 1");

    runtime.release(ID);

    assertThat(calls()).contains("delete --force fake-1");
    assertThat(log.warnings).isEmpty();
  }

  @Test
  void deleteFails_release_warnsAndDoesNotThrow() {
    behave(
        "delete",
        "echo '{\"level\":\"error\",\"msg\":\"device or resource busy\"}' >> \"$LOG\"; exit 1");

    runtime.release(ID);

    assertThat(log.warnings)
        .containsExactly(
            "fake-runtime delete fake-1 exited with status 1: device or resource busy");
  }

  @Test
  void runningContainer_leftover_isItsInitPid() {
    behave(
        "state",
        "echo '{\"id\":\"fake-1\",\"pid\":4242,\"status\":\"running\",\"bundle\":\"/x\"}'");

    assertThat(runtime.leftover(ID)).contains(new Leftover(ID, 4242, Path.of("/x")));
  }

  @Test
  void stoppedContainer_leftover_hasNoPid() {
    behave("state", "echo '{\"id\":\"fake-1\",\"pid\":4242,\"status\":\"stopped\",\"bundle\":\"/x\"}'");

    assertThat(runtime.leftover(ID)).contains(new Leftover(ID, 0, Path.of("/x")));
  }

  @Test
  void stateWithoutBundle_leftover_isEmptyWithAWarning() {
    behave("state", "echo '{\"id\":\"fake-1\",\"pid\":4242,\"status\":\"running\"}'");

    assertThat(runtime.leftover(ID)).isEmpty();
    assertThat(log.warnings).singleElement().asString().contains("names no bundle");
  }

  @Test
  void unknownContainer_leftover_isEmpty() {
    behave("state", "echo 'time=\"x\" level=error msg=\"container does not exist\"' >&2; exit 1");

    assertThat(runtime.leftover(ID)).isEmpty();
    assertThat(log.warnings).isEmpty();
  }

  @Test
  void noStateDirectoryUnderTheRoot_leftover_isEmptyWithoutAskingTheRuntime() throws IOException {
    Path root = Files.createDirectory(dir.resolve("state-root"));
    RuncContainerRuntime rooted =
        new RuncContainerRuntime(
            bin.resolve("fake-runtime").toString(),
            root,
            RuntimePolicy.DEFAULT,
            NativeProcesses.instance(),
            log);
    behave("state", "echo '{\"id\":\"fake-1\",\"pid\":4242,\"status\":\"running\"}'");

    assertThat(rooted.leftover(ID)).isEmpty();
    assertThat(calls()).doesNotContain("state");
  }

  @Test
  void stateDirectoryUnderTheRoot_leftover_asksTheRuntime() throws IOException {
    Path root = Files.createDirectory(dir.resolve("state-root"));
    Files.createDirectory(root.resolve(ID.value()));
    RuncContainerRuntime rooted =
        new RuncContainerRuntime(
            bin.resolve("fake-runtime").toString(),
            root,
            RuntimePolicy.DEFAULT,
            NativeProcesses.instance(),
            log);
    behave("state", "echo '{\"id\":\"fake-1\",\"pid\":4242,\"status\":\"running\",\"bundle\":\"/x\"}'");

    assertThat(rooted.leftover(ID)).contains(new Leftover(ID, 4242, Path.of("/x")));
    assertThat(calls()).contains("state fake-1");
  }

  private void behave(String command, String script) {
    try {
      Files.writeString(bin.resolve(command + ".sh"), script + "\n");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String calls() {
    try {
      Path calls = bin.resolve("calls");
      return Files.exists(calls) ? Files.readString(calls) : "";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitFile(Path file) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Files.exists(file) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(file).exists();
  }
}
