package io.harpoon.supervisor.it.support;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The agent's rule written here in Java (see {@link AgentObserver}), on its own thread: it connects in a
 * tight retry loop (every millisecond while the socket is missing or refuses), so it hits the first
 * moments of the socket; reads events; judges each state; sends {@code exit} after a finished verdict,
 * and optionally a command once after the first running state.
 */
public final class AgentModel implements AgentObserver {

  private final Path socket;
  private final Optional<String> afterRunning;
  private final long deadline;
  private final List<String> transcript = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile SocketChannel channel;
  private volatile Outcome outcome;
  private volatile boolean running;
  private volatile long maxRestarts = -1;
  private volatile boolean closed;

  private AgentModel(Path socket, Optional<String> afterRunning, Duration patience) {
    this.socket = socket;
    this.afterRunning = afterRunning;
    this.deadline = System.nanoTime() + patience.toNanos();
    this.thread = new Thread(this::watch, "agent-model " + socket.getParent().getFileName());
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts watching {@code socket} (which need not exist yet) for at most {@code patience}. */
  public static AgentModel watch(Path socket, Duration patience) {
    return new AgentModel(socket, Optional.empty(), patience);
  }

  /** As {@link #watch}, and sends {@code command} once, right after the first running state. */
  public static AgentModel watchThenSend(Path socket, String command, Duration patience) {
    return new AgentModel(socket, Optional.of(command), patience);
  }

  @Override
  public Optional<Outcome> awaitVerdict(Duration timeout) {
    return Poll.within(timeout, () -> outcome != null) ? Optional.of(outcome) : Optional.empty();
  }

  @Override
  public boolean awaitRunning(Duration timeout) {
    return Poll.within(timeout, () -> running);
  }

  @Override
  public boolean awaitRestarts(long restarts, Duration timeout) {
    return Poll.within(timeout, () -> maxRestarts >= restarts);
  }

  @Override
  public String transcript() {
    return String.join("\n  ", transcript);
  }

  @Override
  public void close() {
    closed = true;
    SocketChannel open = channel;
    if (open != null) {
      try {
        open.close();
      } catch (IOException ignored) {
        // closing only
      }
    }
  }

  private void watch() {
    try {
      channel = connect();
      if (channel == null) {
        transcript.add("never connected");
        return;
      }
      transcript.add("connected");
      SseDecoder decoder = new SseDecoder(this::onEvent);
      ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
      while (outcome == null && !closed && channel.read(buffer.clear()) >= 0) {
        decoder.feed(buffer.array(), buffer.position());
      }
      transcript.add(outcome == null ? "end of stream without a verdict" : "stopped listening");
    } catch (IOException | RuntimeException e) {
      transcript.add("error " + e);
    }
  }

  private SocketChannel connect() throws IOException {
    while (!closed && System.nanoTime() < deadline) {
      SocketChannel candidate = SocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        candidate.connect(UnixDomainSocketAddress.of(socket));
        return candidate;
      } catch (IOException missingOrRefused) {
        candidate.close();
        sleep(1);
      }
    }
    return null;
  }

  private void onEvent(SseEvent event) {
    if (!event.isState() || outcome != null) {
      return;
    }
    SupervisorState state = SupervisorState.of(event);
    transcript.add("state " + event.data());
    maxRestarts = Math.max(maxRestarts, state.restarts());
    if (state.up()) {
      if (!running) {
        running = true;
        afterRunning.ifPresent(this::send);
      }
      return;
    }
    if (state.restarting()) {
      return;
    }
    // Down for good: the agent unsubscribes and concludes.
    Verdict verdict = state.err().isEmpty() ? Verdict.FINISHED : Verdict.FAILED;
    transcript.add("verdict " + verdict);
    if (verdict == Verdict.FINISHED) {
      send("exit");
    }
    outcome = new Outcome(verdict, event.data(), state.err(), running);
  }

  /** Encodes a command as the agent does: {@code event: NAME}, an empty {@code data} line. */
  private void send(String command) {
    transcript.add("send " + command);
    try {
      ByteBuffer bytes = ByteBuffer.wrap(("event: " + command + "\ndata\n\n").getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    } catch (IOException e) {
      transcript.add("send failed " + e);
    }
  }


  private static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
