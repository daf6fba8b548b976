package io.harpoon.supervisor.adapters.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ControlServerBackpressureTest extends ControlServerFixture {

  private static final int STATES = 10_000;

  /** A state of a few hundred bytes. */
  private static ContainerProcessState big(int n) {
    return new ContainerProcessState(
        false, false, "e".repeat(300), ExitStatus.NONE, n, 0, new Metrics(n, n, n));
  }

  @Test
  void stuckClient_doesNotDelayReaderOrPublisher_andEndsOnLatest() throws Exception {
    start();
    try (SocketChannel stuck = SseTestClient.open(socket());
        SseTestClient reader = SseTestClient.connect(socket())) {
      reader.next(WAIT);
      assertThat(eventually(() -> watch.subscribers() == 2)).isTrue();
      long started = System.nanoTime();
      for (int i = 1; i <= STATES; i++) {
        watch.publish(big(i));
      }
      long publishMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      String last = json(big(STATES));
      String seen = "";
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!seen.equals(last) && System.nanoTime() < deadline) {
        seen = reader.nextOfType("state", WAIT).data();
      }
      assertThat(seen).isEqualTo(last);
      assertThat(publishMillis).isLessThan(5_000);
      assertThat(lastStateRead(stuck, last)).isEqualTo(last);
    }
  }

  @Test
  void stuckClient_serverStopsPollingAtItsCap_thenResumesWhenItReads() throws Exception {
    watch = new FakeWatchState(STATES);
    start();
    try (SocketChannel stuck = SseTestClient.open(socket())) {
      assertThat(eventually(() -> watch.subscribers() == 1)).isTrue();
      for (int i = 1; i <= STATES; i++) {
        watch.publish(big(i));
      }
      // Kernel buffer (~200 KiB) plus the 64 KiB cap hold about 700 of these ~450-byte frames;
      // the pause gives a server that ignored its cap time to drain the queue (and fail here).
      Thread.sleep(200);
      assertThat(watch.mostQueued()).isGreaterThan(STATES - 2_000);
      assertThat(lastStateRead(stuck, json(big(STATES)))).isEqualTo(json(big(STATES)));
      assertThat(watch.mostQueued()).isZero();
    }
  }

  /**
   * Reads what the stuck client was sent until {@code expected} arrives or the deadline passes (a quiet
   * period is not proof of the end on a loaded machine); returns the last state read.
   */
  private static String lastStateRead(SocketChannel channel, String expected) throws Exception {
    channel.configureBlocking(false);
    SseDecoder decoder = new SseDecoder();
    String[] last = {""};
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!last[0].equals(expected) && System.nanoTime() < deadline) {
      int n = channel.read(buffer.clear());
      if (n > 0) {
        decoder.feed(buffer.flip(), e -> last[0] = e.data());
      } else {
        Thread.sleep(5);
      }
    }
    return last[0];
  }

  @Test
  void commandFlood_fromClientThatNeverReads_doesNotBreakOthers() throws Exception {
    commands.refuse(io.harpoon.supervisor.domain.lifecycle.Command.EXIT, "no");
    start();
    try (SocketChannel flooder = SseTestClient.open(socket());
        SseTestClient reader = SseTestClient.connect(socket())) {
      reader.next(WAIT);
      flooder.configureBlocking(false);
      ByteBuffer exits =
          ByteBuffer.wrap("event: exit\n\n".repeat(1000).getBytes(StandardCharsets.UTF_8));
      long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (System.nanoTime() < deadline) {
        if (flooder.write(exits.rewind()) == 0) {
          break;
        }
      }
      watch.publish(FakeWatchState.state(77));
      assertThat(reader.nextOfType("state", WAIT).data()).isEqualTo(json(FakeWatchState.state(77)));
    }
  }
}
