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

/** runc keeps the runtime contract (and so does the fake the loop's tests use). Needs root and runc. */
class RuncRuntimeContractTest extends ContainerRuntimeContract {

  @TempDir Path runDirectory;
  private RuncContainerRuntime runtime;

  @BeforeEach
  void runcAndRoot() throws IOException {
    assumeTrue(RuncAvailability.usable(), "needs root, runc and /bin/busybox");
    BusyboxRootfs.create(runDirectory);
    runtime = new RuncContainerRuntime("runc", RuntimePolicy.DEFAULT, NativeProcesses.instance(), new RecordingLog());
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
