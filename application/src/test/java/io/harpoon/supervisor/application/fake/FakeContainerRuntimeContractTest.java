package io.harpoon.supervisor.application.fake;

import io.harpoon.supervisor.application.port.out.ContainerRuntime;
import io.harpoon.supervisor.application.port.out.ContainerRuntimeContract;
import io.harpoon.supervisor.application.port.out.LaunchSpec;
import io.harpoon.supervisor.domain.container.ConfigCheck;
import io.harpoon.supervisor.domain.container.ConfigDraft;
import io.harpoon.supervisor.domain.container.ConfigValidation;
import io.harpoon.supervisor.domain.container.ContainerId;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;

/** The fake the loop's tests rely on keeps the contract real runtimes keep. */
class FakeContainerRuntimeContractTest extends ContainerRuntimeContract {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private FakeContainerRuntime runtime;

  @BeforeEach
  void fake() {
    runtime = new FakeContainerRuntime();
    runtime.dieOnSignal();
  }

  @Override
  protected ContainerRuntime subject() {
    return runtime;
  }

  @Override
  protected LaunchSpec longRunning() {
    ConfigCheck check = ConfigValidation.validate(ConfigDraft.EMPTY, List.of("sleep", "100"));
    return new LaunchSpec(new ContainerId("fake-" + SEQUENCE.incrementAndGet()), "host",
        ((ConfigCheck.Valid) check).config(), Path.of("/run/fake"));
  }
}
