package io.harpoon.supervisor.adapters.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpoon.supervisor.adapters.posix.NativeProcesses;
import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import io.harpoon.supervisor.domain.container.ContainerId;
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

/**
 * The checks around each create, with runc for real: what the container gets (writable tmpfs, a
 * seccomp filter) and what the supervisor refuses to start (a swapped volume source, a rootfs whose
 * /dev leads to the host). Needs root and runc; skipped otherwise.
 */
class RuncStartGuardsTest {

  @TempDir Path runDirectory;
  private final RecordingLog log = new RecordingLog();
  private final ContainerId id =
      new ContainerId(
          "hs-guard-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
  private RuncContainerRuntime runtime;
  private Path out;

  @BeforeEach
  void runcAndRoot() throws IOException {
    assumeTrue(RuncAvailability.usable(), "needs root, runc and /bin/busybox");
    BusyboxRootfs.create(runDirectory);
    runtime =
        new RuncContainerRuntime("runc", RuntimePolicy.DEFAULT, NativeProcesses.instance(), log);
    out = Files.createDirectories(runDirectory.resolve("srv/x/out"));
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
  }

  @AfterEach
  void release() {
    if (runtime != null) {
      runtime.release(id);
    }
  }

  @Test
  void tmpfsOverARootOwned0755Directory_start_isWritableByTheContainersUser() throws Exception {
    Path tmp = runDirectory.resolve("rootfs/tmp");
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(Files.getAttribute(tmp, "unix:uid")).isEqualTo(0);

    WaitStatus status =
        run(
            LaunchSpecs.defaults()
                .storage(Map.of("/tmp", 1L), Map.of("/out", out.toString()))
                .command(
                    "sh",
                    "-c",
                    "busybox stat -c %a /tmp > /out/mode; echo x > /tmp/file && echo ok >"
                        + " /out/write"));

    assertThat(status).isEqualTo(new WaitStatus.Exited(0));
    assertThat(out.resolve("mode")).hasContent("1777");
    assertThat(out.resolve("write")).hasContent("ok");
  }

  @Test
  void container_start_runsUnderTheSeccompFilterThatRefusesUserNamespaces() throws Exception {
    WaitStatus status =
        run(
            LaunchSpecs.defaults()
                .storage(Map.of(), Map.of("/out", out.toString()))
                .command(
                    "sh",
                    "-c",
                    "grep Seccomp: /proc/self/status > /out/seccomp;"
                        + " busybox unshare -U true 2> /out/unshare; echo $? >> /out/unshare"));

    assertThat(status).isEqualTo(new WaitStatus.Exited(0));
    assertThat(Files.readString(out.resolve("seccomp"))).matches("Seccomp:\\s+2\\s*");
    assertThat(Files.readString(out.resolve("unshare")))
        .contains("Operation not permitted")
        .endsWith("1\n");
  }

  @Test
  void volumeSourceParentSwappedForASymlinkBetweenStarts_create_isRefusedAndNothingMounted()
      throws Exception {
    Path elsewhere = Files.createDirectories(runDirectory.resolve("elsewhere/out"));
    LaunchSpecs spec =
        LaunchSpecs.defaults()
            .storage(Map.of(), Map.of("/out", out.toString()))
            .command("sh", "-c", "echo first > /out/run");
    assertThat(run(spec)).isEqualTo(new WaitStatus.Exited(0));
    runtime.release(id);
    // The host-side attacker: the directory the source path goes through becomes a symlink.
    Files.move(runDirectory.resolve("srv/x"), runDirectory.resolve("srv/moved"));
    Files.createSymbolicLink(runDirectory.resolve("srv/x"), elsewhere.getParent());

    assertThatThrownBy(() -> runtime.create(spec.build(id.value(), "box", runDirectory)))
        .isInstanceOfSatisfying(RuntimeFailure.class, e -> assertThat(e.permanent()).isTrue())
        .hasMessage(
            "volume /out: host path "
                + out
                + " goes through a symlink at "
                + runDirectory.resolve("srv/x")
                + "; volume sources must be free of symlinks in every component");
    assertThat(runtime.leftover(id)).isEmpty();
    assertThat(elsewhere).isEmptyDirectory();
  }

  @Test
  void rootfsDevIsASymlinkToAHostDirectory_create_isRefusedAndNothingWrittenThere()
      throws Exception {
    Path hostDirectory = Files.createDirectory(runDirectory.resolve("host-dev"));
    Path dev = runDirectory.resolve("rootfs/dev");
    Files.delete(dev);
    Files.createSymbolicLink(dev, hostDirectory);

    assertThatThrownBy(
            () -> runtime.create(LaunchSpecs.defaults().build(id.value(), "box", runDirectory)))
        .isInstanceOfSatisfying(RuntimeFailure.class, e -> assertThat(e.permanent()).isTrue())
        .hasMessageStartingWith("rootfs: /dev is a symlink (on the way to /dev)");
    assertThat(hostDirectory).isEmptyDirectory();
    assertThat(runtime.leftover(id)).isEmpty();
  }

  private WaitStatus run(LaunchSpecs spec) throws Exception {
    int pid = runtime.create(spec.build(id.value(), "box", runDirectory));
    CompletableFuture<WaitStatus> exit = new CompletableFuture<>();
    runtime.onExit(pid, exit::complete);
    runtime.start(id);
    return exit.get(10, TimeUnit.SECONDS);
  }
}
