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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runc for real, on a busybox rootfs. Needs root and runc; skipped otherwise. */
class RuncContainerRuntimeTest {

  @TempDir Path runDirectory;
  private final RecordingLog log = new RecordingLog();
  private final ContainerId id =
      new ContainerId(
          "hs-test-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
  private RuncContainerRuntime runtime;

  @BeforeEach
  void runcAndRoot() throws IOException {
    assumeTrue(RuncAvailability.usable(), "needs root, runc and /bin/busybox");
    BusyboxRootfs.create(runDirectory);
    runtime =
        new RuncContainerRuntime("runc", RuntimePolicy.DEFAULT, NativeProcesses.instance(), log);
  }

  @AfterEach
  void release() {
    if (runtime != null) {
      runtime.release(id);
    }
  }

  @Test
  void commandExits7_createAndStart_observesExited7() throws Exception {
    WaitStatus status = run(spec().command("sh", "-c", "exit 7"));

    assertThat(status).isEqualTo(new WaitStatus.Exited(7));
  }

  @Test
  void sleepingContainer_signalKill_observesSignaled9() throws Exception {
    int pid = runtime.create(spec().command("sleep", "100").build(id.value(), "box", runDirectory));
    CompletableFuture<WaitStatus> exit = exitOf(pid);
    runtime.start(id);

    runtime.signal(pid, Signal.KILL);

    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(new WaitStatus.Signaled(9));
  }

  @Test
  void createdContainer_release_leavesNoStateAndNoCgroup() throws Exception {
    int pid =
        runtime.create(
            spec()
                .limits(32, 0.5, 4096)
                .command("sleep", "100")
                .build(id.value(), "box", runDirectory));
    CompletableFuture<WaitStatus> exit = exitOf(pid);
    // Created but never started: known to the runtime, but nothing a successor should take over.
    assertThat(runtime.leftover(id)).contains(new Leftover(id, 0, runDirectory));
    runtime.start(id);
    assertThat(runtime.leftover(id)).contains(new Leftover(id, pid, runDirectory));
    Path memory = Path.of("/sys/fs/cgroup/memory/harpoon", id.value());
    assertThat(memory.resolve("memory.limit_in_bytes")).hasContent(Long.toString(32L << 20));
    if (Files.exists(memory.resolve("memory.memsw.limit_in_bytes"))) {
      assertThat(memory.resolve("memory.memsw.limit_in_bytes"))
          .hasContent(Long.toString(32L << 20));
    }
    assertThat(Path.of("/sys/fs/cgroup/cpu/harpoon", id.value(), "cpu.cfs_quota_us"))
        .hasContent("50000");

    runtime.release(id);

    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(new WaitStatus.Signaled(9));
    assertThat(runtime.leftover(id)).isEmpty();
    assertThat(memory).doesNotExist();
    assertThat(log.warnings).isEmpty();
  }

  @Test
  void container_runs_withItsHostnameAsUid1AndItsEnvAndStorage() throws Exception {
    Path out = Files.createDirectory(runDirectory.resolve("out"));
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
    String script =
        "hostname > /out/hostname; id -u > /out/uid; id -g > /out/gid; echo $GREETING > /out/env;"
            + " echo x > /scratch/x && echo writable > /out/scratch; echo x > /bin/x || echo"
            + " read-only > /out/root";

    WaitStatus status =
        run(
            spec()
                .env(Map.of("GREETING", "hello"))
                .limits(48, 0.5, 1024)
                .storage(Map.of("/scratch", 4L), Map.of("/out", out.toString()))
                .command("sh", "-c", script));

    assertThat(status).isEqualTo(new WaitStatus.Exited(0));
    assertThat(out.resolve("hostname")).hasContent("box");
    assertThat(out.resolve("uid")).hasContent("1");
    assertThat(out.resolve("gid")).hasContent("1");
    assertThat(out.resolve("env")).hasContent("hello");
    assertThat(out.resolve("scratch")).hasContent("writable");
    assertThat(out.resolve("root")).hasContent("read-only");
  }

  @Test
  void create_runDirectoryFiles_readableByTheOwnerOnly() throws Exception {
    int pid = runtime.create(spec().command("sleep", "100").build(id.value(), "box", runDirectory));
    CompletableFuture<WaitStatus> exit = exitOf(pid);

    for (String file : new String[] {"config.json", "container.pid", "runtime.log"}) {
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(runDirectory.resolve(file))))
          .as(file)
          .isEqualTo("rw-------");
    }
    runtime.release(id);
    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(new WaitStatus.Signaled(9));
  }

  @Test
  void missingCommand_create_failsWithRuncsReason() {
    LaunchSpec spec = spec().command("no-such-command").build(id.value(), "box", runDirectory);

    assertThatThrownBy(() -> runtime.create(spec))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageStartingWith("runc create exited with status 1: ")
        .hasMessageContaining("no-such-command");
  }

  @Test
  void unknownContainer_leftover_isEmptyAndReleaseIsQuiet() {
    assertThat(runtime.leftover(id)).isEmpty();

    runtime.release(id);

    assertThat(log.warnings).isEmpty();
  }

  private WaitStatus run(LaunchSpecs spec) throws Exception {
    int pid = runtime.create(spec.build(id.value(), "box", runDirectory));
    CompletableFuture<WaitStatus> exit = exitOf(pid);
    runtime.start(id);
    return exit.get(10, TimeUnit.SECONDS);
  }

  private CompletableFuture<WaitStatus> exitOf(int pid) {
    CompletableFuture<WaitStatus> exit = new CompletableFuture<>();
    runtime.onExit(pid, exit::complete);
    return exit;
  }

  private static LaunchSpecs spec() {
    return LaunchSpecs.defaults();
  }
}
