package io.harpoon.supervisor.it.container;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A minimal client of the control socket for the smoke test, with the JDK's own unix sockets: it
 * sends commands and collects the {@code data} of every {@code state} event, read on a daemon
 * thread. (The scenario suite has a complete client; this one only proves the socket is reachable.)
 */
final class StateStream implements AutoCloseable {

  private final SocketChannel channel;
  private final BlockingQueue<String> states = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  private StateStream(SocketChannel channel) {
    this.channel = channel;
    Thread reader = new Thread(this::readEvents, "state-stream");
    reader.setDaemon(true);
    reader.start();
  }

  /** Connects, retrying until something accepts on {@code socket} or {@code timeout} passes. */
  static StateStream connect(Path socket, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return new StateStream(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
      } catch (IOException e) {
        if (System.nanoTime() - deadline >= 0) {
          throw new IOException("cannot connect to " + socket + " within " + timeout, e);
        }
        Thread.sleep(50);
      }
    }
  }

  /** Sends a command as an SSE event with no data. */
  void send(String command) throws IOException {
    ByteBuffer frame =
        ByteBuffer.wrap(("event: " + command + "\n\n").getBytes(StandardCharsets.UTF_8));
    while (frame.hasRemaining()) {
      channel.write(frame);
    }
  }

  /**
   * The first state JSON from now on that matches, or an AssertionError naming every state seen.
   */
  String await(String what, Predicate<String> wanted, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String state = states.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (state == null) {
        throw new AssertionError(
            "no state with " + what + " within " + timeout + "; seen: " + seen);
      }
      seen.add(state);
      if (wanted.test(state)) {
        return state;
      }
    }
  }

  private void readEvents() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8))) {
      String event = "";
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("event:")) {
          event = line.substring("event:".length()).strip();
        } else if (line.startsWith("data:") && event.equals("state")) {
          states.add(line.substring("data:".length()).strip());
        } else if (line.isEmpty()) {
          event = "";
        }
      }
    } catch (IOException e) {
      // The socket was closed (by us, or by the supervisor as it exits): no more states.
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
