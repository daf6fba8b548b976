package io.harpoon.supervisor.adapters.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.lifecycle.Command;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class UnixSocketControlServerTest extends ControlServerFixture {

  @Test
  void connect_getsCurrentStateAtOnce_thenChangesInOrder() throws Exception {
    watch.publish(FakeWatchState.state(7));
    start();
    try (SseTestClient client = SseTestClient.connect(socket())) {
      SseEvent first = client.next(WAIT);
      assertThat(first).isEqualTo(new SseEvent("state", json(FakeWatchState.state(7))));
      for (int i = 8; i < 20; i++) {
        watch.publish(FakeWatchState.state(i));
      }
      for (int i = 8; i < 20; i++) {
        assertThat(client.next(WAIT).data()).isEqualTo(json(FakeWatchState.state(i)));
      }
    }
  }

  @Test
  void twoClients_publish_bothSeeEveryChange() throws Exception {
    start();
    try (SseTestClient a = SseTestClient.connect(socket());
        SseTestClient b = SseTestClient.connect(socket())) {
      a.next(WAIT);
      b.next(WAIT);
      watch.publish(FakeWatchState.state(1));
      watch.publish(FakeWatchState.state(2));
      for (SseTestClient client : new SseTestClient[] {a, b}) {
        assertThat(client.next(WAIT).data()).isEqualTo(json(FakeWatchState.state(1)));
        assertThat(client.next(WAIT).data()).isEqualTo(json(FakeWatchState.state(2)));
      }
    }
  }

  @Test
  void stopEvent_bothSpellings_reachSendCommand() throws Exception {
    start();
    try (SseTestClient client = SseTestClient.connect(socket())) {
      client.send("event: stop\n\n");
      client.send("event: stop\r\ndata\r\n\r\n");
      client.send("event: kill\n\nevent: exit\n\n");
      assertThat(eventually(() -> commands.received().size() == 4)).isTrue();
      assertThat(commands.received())
          .containsExactly(Command.STOP, Command.STOP, Command.KILL, Command.EXIT);
    }
  }

  @Test
  void refusedCommand_errorOnThatConnectionOnly() throws Exception {
    commands.refuse(Command.EXIT, "the container is up; stop or kill it first");
    start();
    try (SseTestClient asking = SseTestClient.connect(socket());
        SseTestClient other = SseTestClient.connect(socket())) {
      asking.next(WAIT);
      other.next(WAIT);
      asking.send("event: exit\n\n");
      SseEvent reply = asking.next(WAIT);
      assertThat(reply.type()).isEqualTo("error");
      assertThat(reply.data())
          .isEqualTo(
              "{\"command\":\"exit\",\"error\":\"the container is up; stop or kill it first\"}");
      watch.publish(FakeWatchState.state(3));
      assertThat(other.next(WAIT)).isEqualTo(new SseEvent("state", json(FakeWatchState.state(3))));
    }
  }

  @Test
  void unknownCommand_errorNamesItJsonEscaped() throws Exception {
    start();
    try (SseTestClient client = SseTestClient.connect(socket())) {
      client.next(WAIT);
      client.send("event: re\"boot\\\n\n");
      SseEvent reply = client.next(WAIT);
      assertThat(reply)
          .isEqualTo(
              new SseEvent("error", "{\"command\":\"re\\\"boot\\\\\",\"error\":\"unknown command\"}"));
      assertThat(commands.received()).isEmpty();
    }
  }

  @Test
  void oversizedLine_errorThenClose_othersUnaffected() throws Exception {
    start(new ControlServerLimits(8, 64, 1024, 64 * 1024));
    try (SseTestClient client = SseTestClient.connect(socket());
        SseTestClient other = SseTestClient.connect(socket())) {
      client.next(WAIT);
      other.next(WAIT);
      client.send("event: " + "x".repeat(100) + "\n\n");
      SseEvent reply = client.nextOfType("error", WAIT);
      assertThat(reply.data()).isEqualTo("{\"command\":\"\",\"error\":\"line too long\"}");
      assertThat(client.awaitEnd(WAIT)).isTrue();
      watch.publish(FakeWatchState.state(5));
      assertThat(other.next(WAIT).data()).isEqualTo(json(FakeWatchState.state(5)));
    }
  }

  @Test
  void slowLoris_eventOverCap_errorThenClose() throws Exception {
    start(new ControlServerLimits(8, 64, 256, 64 * 1024));
    try (SseTestClient client = SseTestClient.connect(socket())) {
      client.next(WAIT);
      try {
        for (int i = 0; i < 20; i++) {
          client.send("data: " + "y".repeat(30) + "\n");
        }
      } catch (IOException closedByServer) {
        // The server may hang up before all lines are sent.
      }
      assertThat(client.nextOfType("error", WAIT).data()).contains("event too large");
      assertThat(client.awaitEnd(WAIT)).isTrue();
    }
  }

  @Test
  void halfClosedClient_stillReceivesStates() throws Exception {
    start();
    try (SseTestClient client = SseTestClient.connect(socket())) {
      client.send("event: stop\n\n");
      client.shutdownOutput();
      client.next(WAIT);
      assertThat(eventually(() -> commands.received().contains(Command.STOP))).isTrue();
      for (int i = 1; i <= 3; i++) {
        watch.publish(FakeWatchState.state(i));
        assertThat(client.next(WAIT).data()).isEqualTo(json(FakeWatchState.state(i)));
      }
    }
  }

  @Test
  void clientGoesAway_subscriptionCancelled_serverKeepsServing() throws Exception {
    start();
    SseTestClient leaving = SseTestClient.connect(socket());
    leaving.next(WAIT);
    leaving.close();
    for (int i = 0; i < 50; i++) {
      watch.publish(FakeWatchState.state(i));
    }
    assertThat(eventually(() -> watch.cancellations() == 1)).isTrue();
    try (SseTestClient client = SseTestClient.connect(socket())) {
      assertThat(client.next(WAIT).data()).isEqualTo(json(FakeWatchState.state(49)));
    }
  }

  @Test
  void clientLimit_excessGetsErrorAndClose_othersUnaffected() throws Exception {
    start(ControlServerLimits.DEFAULT.withMaxClients(2));
    try (SseTestClient a = SseTestClient.connect(socket());
        SseTestClient b = SseTestClient.connect(socket());
        SseTestClient c = SseTestClient.connect(socket())) {
      a.next(WAIT);
      b.next(WAIT);
      assertThat(c.next(WAIT))
          .isEqualTo(new SseEvent("error", "{\"command\":\"\",\"error\":\"too many clients\"}"));
      assertThat(c.awaitEnd(WAIT)).isTrue();
      assertThat(log.warnings()).anyMatch(w -> w.contains("clients already connected"));
      watch.publish(FakeWatchState.state(9));
      assertThat(a.next(WAIT).data()).isEqualTo(json(FakeWatchState.state(9)));
      assertThat(b.next(WAIT).data()).isEqualTo(json(FakeWatchState.state(9)));
    }
  }

  @Test
  void close_removesSocketFile_andIsSafeTwice() throws Exception {
    start();
    try (SseTestClient client = SseTestClient.connect(socket())) {
      client.next(WAIT);
      server.close();
      server.close();
      assertThat(socket()).doesNotExist();
      assertThat(client.awaitEnd(WAIT)).isTrue();
      assertThat(watch.subscribers()).isZero();
    }
  }

  @Test
  void close_flushesLatestStateBeforeClosing() throws Exception {
    start();
    try (SseTestClient client = SseTestClient.connect(socket())) {
      client.next(WAIT);
      watch.publish(FakeWatchState.state(42));
      server.close(java.time.Duration.ofSeconds(2));
      assertThat(client.awaitEnd(WAIT)).isTrue();
      assertThat(client.queue()).extracting(SseEvent::data).contains(json(FakeWatchState.state(42)));
    }
  }

  @Test
  void open_thenConnect_afterClose_refused() throws IOException {
    start();
    server.close();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SseTestClient.open(socket()))
        .isInstanceOf(IOException.class);
  }
}
