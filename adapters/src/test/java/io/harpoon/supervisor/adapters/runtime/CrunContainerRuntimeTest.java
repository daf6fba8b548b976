package io.harpoon.supervisor.adapters.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpoon.supervisor.adapters.posix.NativeProcesses;
import io.harpoon.supervisor.application.port.out.LaunchSpec;
import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.WaitStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crun for real: it runs the container where the host allows, and is refused clearly where not. */
class CrunContainerRuntimeTest {

  @TempDir Path runDirectory;
  private final RecordingLog log = new RecordingLog();
  private final ContainerId id =
      new ContainerId(
          "hs-test-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
  private RuncContainerRuntime runtime;
  private LaunchSpec spec;

  @BeforeEach
  void crunAndRoot() throws IOException {
    assumeTrue(
        RuncAvailability.usable() && RuncAvailability.onPath("crun"),
        "needs root, crun and busybox");
    BusyboxRootfs.create(runDirectory);
    runtime =
        new RuncContainerRuntime("crun", RuntimePolicy.DEFAULT, NativeProcesses.instance(), log);
    spec =
        LaunchSpecs.defaults().command("sh", "-c", "exit 7").build(id.value(), "box", runDirectory);
  }

  @AfterEach
  void release() {
    if (runtime != null) {
      runtime.release(id);
    }
  }

  @Test
  void hybridCgroupHost_create_failsSayingSo() {
    Optional<String> refusal = HybridCgroups.crunRefusal();
    assumeTrue(refusal.isPresent(), "this host's cgroups suit crun");

    assertThatThrownBy(() -> runtime.create(spec))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageStartingWith(
            "crun cannot create containers on this host: its cgroups are hybrid");
  }

  @Test
  void suitableHost_createAndStart_observesExited7() throws Exception {
    assumeTrue(HybridCgroups.crunRefusal().isEmpty(), "crun refuses this host's hybrid cgroups");
    int pid = runtime.create(spec);
    CompletableFuture<WaitStatus> exit = new CompletableFuture<>();
    runtime.onExit(pid, exit::complete);

    runtime.start(id);

    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(new WaitStatus.Exited(7));
  }
}
