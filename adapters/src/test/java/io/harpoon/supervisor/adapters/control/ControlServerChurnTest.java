package io.harpoon.supervisor.adapters.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.lifecycle.Command;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Clients that hold the server's resources over time: slow-loris clients trickling a partial event,
 * and a thousand connect/disconnect cycles, checked against the server's own figures and the JVM's
 * descriptor and thread counts.
 */
class ControlServerChurnTest extends ControlServerFixture {

  private static final int SLOW_CLIENTS = 500;
  private static final Duration TRICKLE = Duration.ofSeconds(3);
  private static final int CYCLES = 1000;

  @Test
  void slowLorisClients_oneBytePerSecondEach_holdSlotsButDelayNoOne() throws Exception {
    start();
    List<SocketChannel> slow = new ArrayList<>();
    try (SseTestClient reader = SseTestClient.connect(socket())) {
      reader.next(WAIT);
      for (int i = 0; i < SLOW_CLIENTS; i++) {
        slow.add(SseTestClient.open(socket()));
        slow.get(i).write(ascii("data: "));
      }
      assertThat(eventually(() -> watch.subscribers() == SLOW_CLIENTS + 1)).isTrue();
      Thread trickler = trickle(slow, TRICKLE);
      long worstNanos = 0;
      for (int i = 1; trickler.isAlive(); i++) {
        long sent = System.nanoTime();
        watch.publish(FakeWatchState.state(i));
        assertThat(reader.nextOfType("state", WAIT).data())
            .isEqualTo(json(FakeWatchState.state(i)));
        worstNanos = Math.max(worstNanos, System.nanoTime() - sent);
        Thread.sleep(50);
      }
      reader.send("event: stop\n\n");
      assertThat(eventually(() -> commands.received().contains(Command.STOP))).isTrue();

      assertThat(watch.subscribers()).as("no slow client was dropped").isEqualTo(SLOW_CLIENTS + 1);
      assertThat(TimeUnit.NANOSECONDS.toMillis(worstNanos)).isLessThan(1_000);
      assertThat(server.registry().peakDecoderBytes()).isLessThanOrEqualTo(decoderBound());
      System.out.printf(
          "slow loris: %d clients held, worst state latency %d ms, peak decoder bytes %d%n",
          SLOW_CLIENTS,
          TimeUnit.NANOSECONDS.toMillis(worstNanos),
          server.registry().peakDecoderBytes());
    } finally {
      for (SocketChannel channel : slow) {
        channel.close();
      }
    }
  }

  @Test
  void slowLoris_trickledPastTheCaps_errorAndClose_heldBytesWithinTheCaps() throws Exception {
    ControlServerLimits limits = new ControlServerLimits(64, 64, 256, 64 * 1024);
    start(limits);
    String dataLine = "data: 0123456789\n";
    List<SocketChannel> slow = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      slow.add(SseTestClient.open(socket()));
    }
    for (int b = 0; b < 600; b++) {
      for (int i = 0; i < slow.size(); i++) {
        char next =
            i % 2 == 0 ? dataLine.charAt(b % dataLine.length()) : b < 7 ? "event: ".charAt(b) : 'y';
        try {
          slow.get(i).write(ascii(String.valueOf(next)));
        } catch (IOException closedByServer) {
          // Past its cap the client is closed; later bytes fail.
        }
      }
      Thread.sleep(2);
    }
    for (SocketChannel channel : slow) {
      String received = RawClients.readToEnd(channel, WAIT);
      assertThat(received).containsAnyOf("event too large", "line too long");
      channel.close();
    }
    assertThat(server.registry().peakDecoderBytes())
        .isLessThanOrEqualTo(limits.maxLineBytes() + limits.maxEventBytes() + 1);
  }

  @Test
  void connectDisconnect_thousandCycles_fdsAndThreadsBackToBaseline() throws Exception {
    start();
    cycles(20);
    assertThat(eventually(() -> watch.subscribers() == 0)).isTrue();
    long fdsBefore = RawClients.openFds();
    long threadsBefore = RawClients.threads();

    cycles(CYCLES);

    assertThat(eventually(() -> watch.subscribers() == 0)).isTrue();
    assertThat(eventually(() -> quietly(RawClients::openFds) <= fdsBefore)).isTrue();
    assertThat(eventually(() -> quietly(RawClients::threads) <= threadsBefore)).isTrue();
    assertThat(watch.cancellations()).isEqualTo(CYCLES + 20);
    System.out.printf(
        "%d connect/disconnect cycles: fds %d -> %d, threads %d -> %d%n",
        CYCLES, fdsBefore, RawClients.openFds(), threadsBefore, RawClients.threads());
  }

  /** Connects and leaves in four ways: at once, after the state, mid-command, half-closed first. */
  private void cycles(int count) throws IOException {
    ByteBuffer head = ByteBuffer.allocate("event: state\n".length());
    for (int i = 0; i < count; i++) {
      try (SocketChannel channel = SseTestClient.open(socket())) {
        switch (i % 4) {
          case 0:
            break;
          case 1:
            channel.read(head.clear());
            break;
          case 2:
            channel.write(ascii("event: st"));
            break;
          default:
            channel.shutdownOutput();
            channel.read(head.clear());
            break;
        }
      }
    }
  }

  /** Writes one byte per {@code 1 s / clients}, round robin: one byte per second per client. */
  private static Thread trickle(List<SocketChannel> clients, Duration duration) {
    Thread thread =
        new Thread(
            () -> {
              long end = System.nanoTime() + duration.toNanos();
              long gapNanos = TimeUnit.SECONDS.toNanos(1) / clients.size();
              for (int i = 0; System.nanoTime() < end; i++) {
                try {
                  clients.get(i % clients.size()).write(ascii("x"));
                  TimeUnit.NANOSECONDS.sleep(gapNanos);
                } catch (IOException | InterruptedException stop) {
                  return;
                }
              }
            },
            "slow-loris");
    thread.start();
    return thread;
  }

  private static int decoderBound() {
    ControlServerLimits limits = ControlServerLimits.DEFAULT;
    return limits.maxLineBytes() + limits.maxEventBytes() + 1;
  }

  private static ByteBuffer ascii(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
  }

  private interface Count {
    long get() throws IOException;
  }

  private static long quietly(Count count) {
    try {
      return count.get();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
