package io.harpoon.supervisor.adapters.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.application.port.in.ContainerStatus;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.lifecycle.Phase;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The additive {@code status} event: only a client that asks for it gets it, at once and after the
 * states it takes; the state frames are untouched, and the request is no command.
 */
class StatusExtensionTest extends ControlServerFixture {

  private static final long OWN_PID = ProcessHandle.current().pid();

  @Test
  void clientThatDoesNotAsk_getsStateFramesOnly() throws Exception {
    watch.status(running(4242));
    start();
    try (SseTestClient client = SseTestClient.connect(socket())) {
      assertThat(client.next(WAIT).type()).isEqualTo("state");
      watch.publish(FakeWatchState.state(1));
      watch.publish(FakeWatchState.state(2));

      assertThat(client.next(WAIT)).isEqualTo(new SseEvent("state", json(FakeWatchState.state(1))));
      assertThat(client.next(WAIT)).isEqualTo(new SseEvent("state", json(FakeWatchState.state(2))));
    }
  }

  @Test
  void statusRequest_answeredAtOnceThenAfterEachState() throws Exception {
    watch.status(running(4242));
    start();
    try (SseTestClient client = SseTestClient.connect(socket())) {
      assertThat(client.next(WAIT).type()).isEqualTo("state");
      client.send("event: status\n\n");

      SseEvent answer = client.next(WAIT);
      assertThat(answer.type()).isEqualTo("status");
      assertThat(answer.data()).isEqualTo("{\"id\":\"web-1\",\"phase\":\"running\",\"pid\":4242,"
          + "\"since\":\"2026-11-28T05:46:40.123Z\",\"started_at\":\"2026-11-28T05:46:40.123Z\","
          + "\"restart_policy\":\"always\",\"memory_limit\":67108864,\"supervisor_pid\":" + OWN_PID + "}");

      watch.status(running(4343));
      watch.publish(FakeWatchState.state(5));
      assertThat(client.next(WAIT)).isEqualTo(new SseEvent("state", json(FakeWatchState.state(5))));
      SseEvent after = client.next(WAIT);
      assertThat(after.type()).isEqualTo("status");
      assertThat(after.data()).contains("\"pid\":4343");
      assertThat(commands.received()).as("a request, not a command").isEmpty();
    }
  }

  @Test
  void statusRequest_beforeTheFirstStep_saysTheSupervisorPidOnly() throws Exception {
    start();
    try (SseTestClient client = SseTestClient.connect(socket())) {
      client.next(WAIT);
      client.send("event: status\ndata\n\n");

      assertThat(client.next(WAIT))
          .isEqualTo(new SseEvent("status", "{\"supervisor_pid\":" + OWN_PID + "}"));
    }
  }

  private static ContainerStatus running(int pid) {
    Instant at = Instant.parse("2026-11-28T05:46:40.123Z");
    return new ContainerStatus(new ContainerId("web-1"), Phase.RUNNING, pid, at, at, Duration.ZERO,
        RestartPolicy.ALWAYS, 64L << 20);
  }
}
