package io.harpoon.supervisor.adapters.runtime;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpoon.supervisor.adapters.posix.NativeProcesses;
import io.harpoon.supervisor.application.port.out.ContainerRuntime;
import io.harpoon.supervisor.application.port.out.ContainerRuntimeContract;
import io.harpoon.supervisor.application.port.out.LaunchSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * crun keeps the runtime contract, where the host allows crun: it refuses hybrid cgroup hosts (v1
 * controllers and a cgroup2 mount), and is skipped there with that reason.
 */
class CrunRuntimeContractTest extends ContainerRuntimeContract {

  @TempDir Path runDirectory;
  private RuncContainerRuntime runtime;

  @BeforeEach
  void crunAndRoot() throws IOException {
    assumeTrue(RuncAvailability.usable() && RuncAvailability.onPath("crun"), "needs root, crun and busybox");
    assumeTrue(HybridCgroups.crunRefusal().isEmpty(), "crun refuses this host's hybrid cgroups");
    BusyboxRootfs.create(runDirectory);
    runtime = new RuncContainerRuntime("crun", RuntimePolicy.DEFAULT, NativeProcesses.instance(), new RecordingLog());
  }

  @Override
  protected ContainerRuntime subject() {
    return runtime;
  }

  @Override
  protected LaunchSpec longRunning() {
    String id = "hs-contract-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    return LaunchSpecs.defaults().command("sleep", "100").build(id, "box", runDirectory);
  }
}
