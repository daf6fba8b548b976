package io.harpoon.supervisor.adapters.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.lifecycle.Command;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients that misbehave on purpose: too many of them, and ones that flood the server while never
 * reading. The per-client queue is measured inside the server ({@link ClientRegistry}'s peaks), so
 * the tests fail if a flood grows the supervisor's memory rather than only the kernel's buffers.
 */
class ControlServerAbuseTest extends ControlServerFixture {

  private static final int LIMIT = 32;
  private static final Duration QUIET = Duration.ofMillis(300);
  private static final Duration FLOOD = Duration.ofSeconds(3);

  /** The reply budget, plus room for the first state frame and one reply over the budget. */
  private static final long REPLY_BOUND = ControlClient.REPLY_BUDGET + 1024;

  private static final byte[] UNIT = "data\n\n".repeat(100).getBytes(StandardCharsets.UTF_8);

  @Test
  void clientLimit_excessEachGetErrorAndClose_heldClientsServed_leavingFreesASlot()
      throws Exception {
    start(ControlServerLimits.DEFAULT.withMaxClients(LIMIT));
    try (ClientFleet held = new ClientFleet(socket(), LIMIT - 1);
        SseTestClient leaving = SseTestClient.connect(socket())) {
      leaving.next(WAIT);
      held.awaitAll(json(FakeWatchState.INITIAL), System.nanoTime(), WAIT);
      for (int i = 0; i < LIMIT; i++) {
        try (SocketChannel excess = SseTestClient.open(socket())) {
          assertThat(RawClients.readToEnd(excess, WAIT))
              .isEqualTo(
                  "event: error\ndata: {\"command\":\"\",\"error\":\"too many clients\"}\n\n");
        }
      }
      watch.publish(FakeWatchState.state(9));
      held.awaitAll(json(FakeWatchState.state(9)), System.nanoTime(), WAIT);
      assertThat(leaving.next(WAIT).data()).isEqualTo(json(FakeWatchState.state(9)));
      leaving.close();
      assertThat(eventually(() -> watch.subscribers() == LIMIT - 1)).isTrue();
      try (SseTestClient newcomer = SseTestClient.connect(socket())) {
        assertThat(newcomer.next(WAIT).data()).isEqualTo(json(FakeWatchState.state(9)));
      }
    }
  }

  @Test
  void nonReadingClient_unknownCommandFlood_repliesHeldWithinBudget_othersServed()
      throws Exception {
    start();
    try (SocketChannel flooder = SseTestClient.open(socket());
        SseTestClient reader = SseTestClient.connect(socket())) {
      reader.next(WAIT);
      long sent = RawClients.flood(flooder, "data\n\n", QUIET, FLOOD);

      assertThat(sent).isGreaterThan(64 * 1024);
      assertThat(flooder.write(ByteBuffer.wrap(UNIT))).as("the server stopped reading").isZero();
      assertThat(server.registry().peakQueuedBytes()).isLessThanOrEqualTo(REPLY_BOUND);
      watch.publish(FakeWatchState.state(3));
      assertThat(reader.nextOfType("state", WAIT).data()).isEqualTo(json(FakeWatchState.state(3)));
      System.out.printf(
          "unknown-command flood: %d bytes sent, peak queued %d bytes%n",
          sent, server.registry().peakQueuedBytes());
    }
  }

  @Test
  void nonReadingClient_refusedCommandFlood_repliesHeldWithinBudget() throws Exception {
    commands.refuse(Command.EXIT, "the container is up; stop or kill it first");
    start();
    try (SocketChannel flooder = SseTestClient.open(socket())) {
      long sent = RawClients.flood(flooder, "event: exit\n\n", QUIET, FLOOD);

      assertThat(flooder.write(ByteBuffer.wrap(UNIT))).as("the server stopped reading").isZero();
      assertThat(commands.received().size()).isGreaterThan(100);
      assertThat(server.registry().peakQueuedBytes()).isLessThanOrEqualTo(REPLY_BOUND);
      System.out.printf(
          "refused-command flood: %d bytes sent, %d commands, peak queued %d bytes%n",
          sent, commands.received().size(), server.registry().peakQueuedBytes());
    }
  }

  @Test
  void nonReadingClient_stateFlood_queueStaysUnderTheCap() throws Exception {
    start();
    try (SocketChannel stuck = SseTestClient.open(socket())) {
      assertThat(eventually(() -> watch.subscribers() == 1)).isTrue();
      List<Integer> frames = new ArrayList<>();
      for (int i = 1; i <= 10_000; i++) {
        ContainerProcessState state = big(i);
        frames.add(SseEncoder.state(state).length);
        watch.publish(state);
      }
      long largest = frames.stream().mapToInt(Integer::intValue).max().orElseThrow();
      long cap = ControlServerLimits.DEFAULT.maxPendingBytes();

      assertThat(eventually(() -> server.registry().peakQueuedBytes() >= cap)).isTrue();
      assertThat(server.registry().peakQueuedBytes()).isLessThanOrEqualTo(cap + largest);
    }
  }

  private static ContainerProcessState big(int n) {
    return new ContainerProcessState(
        false, false, "e".repeat(300), ExitStatus.NONE, n, 0, new Metrics(n, n, n));
  }
}
