package io.harpoon.supervisor.application.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.application.port.in.ContainerStatus;
import io.harpoon.supervisor.domain.container.ConfigDraft;
import io.harpoon.supervisor.domain.container.WaitStatus;
import io.harpoon.supervisor.application.port.out.ConfigLoad;
import io.harpoon.supervisor.domain.lifecycle.Command;
import io.harpoon.supervisor.domain.lifecycle.Phase;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status published beside each state: which process, which phase since when, what is due. */
class ContainerStatusTest {

  @Test
  void running_started_showsPidStartTimeAndConfiguredLimit() {
    LoopHarness h = LoopHarness.withPolicy("on-failure", "5s");
    Instant begun = h.time.instant();
    h.settle();

    ContainerStatus status = status(h);
    assertThat(status.phase()).isEqualTo(Phase.RUNNING);
    assertThat(status.pid()).isEqualTo(h.pid()).isPositive();
    assertThat(status.since()).isEqualTo(begun).isEqualTo(status.startedAt());
    assertThat(status.policy()).isEqualTo(RestartPolicy.ON_FAILURE);
    assertThat(status.memoryLimitBytes()).as("resources.mem 64 MB").isEqualTo(64L << 20);
    assertThat(status.restartAt()).isEmpty();
  }

  @Test
  void running_metricsSamples_keepTheSinceOfTheRun() {
    LoopHarness h = LoopHarness.withPolicy("always", "5s").settle();
    Instant since = status(h).since();

    h.advance(Duration.ofSeconds(7));

    assertThat(status(h).since()).isEqualTo(since);
  }

  @Test
  void backoff_crashed_saysWhenTheRestartIsDue() {
    LoopHarness h = LoopHarness.withPolicy("always", "5s").settle();
    h.advance(Duration.ofSeconds(2));
    Instant crash = h.time.instant();

    h.runtime.exit(h.pid(), new WaitStatus.Exited(3));
    h.settle();

    ContainerStatus status = status(h);
    assertThat(status.phase()).isEqualTo(Phase.BACKOFF);
    assertThat(status.pid()).isZero();
    assertThat(status.since()).isEqualTo(crash);
    assertThat(status.restartAt()).contains(crash.plusSeconds(1));
    assertThat(status.lastStart()).isPresent();
  }

  @Test
  void down_stopped_saysSinceWhenItIsDown() {
    LoopHarness h = LoopHarness.withPolicy("no", "5s").settle();
    h.send(Command.STOP);
    assertThat(status(h).phase()).isEqualTo(Phase.STOPPING);
    h.advance(Duration.ofSeconds(1));
    Instant exit = h.time.instant();

    h.runtime.exit(h.pid(), new WaitStatus.Exited(0));
    h.settle();

    assertThat(status(h).phase()).isEqualTo(Phase.DOWN);
    assertThat(status(h).since()).isEqualTo(exit);
    assertThat(status(h).memoryLimitBytes()).as("configured, whatever the cgroup").isEqualTo(64L << 20);
  }

  @Test
  void failed_rejectedConfig_isFailedWithNoLimit() {
    ConfigDraft draft = new ConfigDraft(Map.of(), List.of(), Map.of(), Map.of(), "", -1, 0, 0,
        Map.of(), Map.of(), "", "", "sometimes");
    LoopHarness h = new LoopHarness(new ConfigLoad(draft, List.of()), List.of("true")).settle();

    assertThat(status(h).phase()).isEqualTo(Phase.FAILED);
    assertThat(status(h).memoryLimitBytes()).isZero();
    assertThat(status(h).id()).isEqualTo(LoopHarness.ID);
  }

  @Test
  void created_beforeAnyPublication_hasNoStatus() {
    LoopHarness h = LoopHarness.notBegun();

    assertThat(h.loop.states().status()).isEmpty();
  }

  private static ContainerStatus status(LoopHarness h) {
    return h.loop.states().status().orElseThrow();
  }
}
