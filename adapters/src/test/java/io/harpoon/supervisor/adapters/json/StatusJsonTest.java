package io.harpoon.supervisor.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.application.port.in.ContainerStatus;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.lifecycle.Phase;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusJsonTest {

  private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void backoff_saysWhenTheRestartIsDue() {
    ContainerStatus status = new ContainerStatus(new ContainerId("web-1"), Phase.BACKOFF, 0,
        AT.plusSeconds(60), AT, Duration.ofSeconds(4), RestartPolicy.ON_FAILURE, 0);

    assertThat(StatusJson.encode(Optional.of(status), 99)).isEqualTo(
        "{\"id\":\"web-1\",\"phase\":\"backoff\",\"pid\":0,\"since\":\"2026-12-07T10:01:00.000Z\","
            + "\"started_at\":\"2026-12-07T10:00:00.000Z\",\"restart_at\":\"2026-12-07T10:01:04.000Z\","
            + "\"restart_policy\":\"on-failure\",\"memory_limit\":0,\"supervisor_pid\":99}");
  }

  @Test
  void failed_neverStarted_leavesTheStartOut() {
    ContainerStatus status = new ContainerStatus(new ContainerId("x"), Phase.FAILED, 0, AT,
        Instant.EPOCH, Duration.ZERO, RestartPolicy.NO, 0);

    assertThat(StatusJson.encode(Optional.of(status), 1))
        .doesNotContain("started_at", "restart_at").contains("\"phase\":\"failed\"");
  }
}
