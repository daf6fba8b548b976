package io.harpoon.supervisor.it.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A client of the control socket, written from SPEC §5 alone: a background thread reads and decodes the
 * event stream into a queue; the test waits for the events it expects, each wait bounded by a deadline.
 * Every received event is also kept, in order, for assertions on the whole stream.
 */
public final class ControlClient implements AutoCloseable {

  private static final SseEvent END = new SseEvent("", "", 0);

  private final SocketChannel channel;
  private final LinkedBlockingQueue<SseEvent> pending = new LinkedBlockingQueue<>();
  private final List<SseEvent> received = new CopyOnWriteArrayList<>();
  private volatile boolean ended;

  private ControlClient(SocketChannel channel) {
    this.channel = channel;
    Thread reader = new Thread(this::readUntilEnd, "control-client-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Connects to the socket, retrying while it is missing or refused, for at most {@code timeout}. */
  public static ControlClient connect(Path socket, Duration timeout) throws IOException {
    return new ControlClient(UnixSockets.connect(socket, timeout));
  }

  /** Waits for the next state that matches; states before it are consumed (and kept in the history). */
  public SupervisorState awaitState(Predicate<SupervisorState> expected, Duration timeout) {
    return awaitState("a matching state", expected, timeout);
  }

  /** As {@link #awaitState(Predicate, Duration)}, with a description for the failure message. */
  public SupervisorState awaitState(String what, Predicate<SupervisorState> expected, Duration timeout) {
    SseEvent event = awaitEvent(what, e -> e.isState() && expected.test(SupervisorState.of(e)), timeout);
    return SupervisorState.of(event);
  }

  /** Waits for the next event of this type. */
  public SseEvent awaitEvent(String type, Duration timeout) {
    return awaitEvent("an event '" + type + "'", e -> e.type().equals(type), timeout);
  }

  /** Waits for the next event that matches; fails when the deadline passes or the connection ends first. */
  public SseEvent awaitEvent(String what, Predicate<SseEvent> expected, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      SseEvent event = poll(deadline - System.nanoTime());
      if (event == END) {
        pending.add(END);
        throw new AssertionError("connection ended before " + what + "; received: " + history());
      }
      if (event == null) {
        throw new AssertionError("no " + what + " within " + timeout + "; received: " + history());
      }
      if (expected.test(event)) {
        return event;
      }
    }
  }

  /** Waits until the supervisor closes the connection (or resets it), draining what is left. */
  public void awaitClosed(Duration timeout) {
    awaitEnd(timeout);
    if (!ended) {
      throw new AssertionError("connection still open after " + timeout + "; received: " + history());
    }
  }

  /** Waits at most {@code timeout} for the end of the stream; true when it ended. */
  public boolean awaitEnd(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ended && System.nanoTime() < deadline) {
      SseEvent event = poll(Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(50)));
      if (event == END) {
        pending.add(END);
      }
    }
    return ended;
  }

  /** Whether the supervisor has closed the connection. */
  public boolean isClosed() {
    return ended;
  }

  /** Every event received so far, in order. */
  public List<SseEvent> events() {
    return List.copyOf(received);
  }

  /** Every state received so far, in order. */
  public List<SupervisorState> states() {
    return received.stream().filter(SseEvent::isState).map(SupervisorState::of).toList();
  }

  /** Sends a command the way clients do: {@code event: <command>} and an empty line. */
  public void send(String command) throws IOException {
    sendRaw(("event: " + command + "\n\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Writes bytes as they are; blocks while the supervisor does not read. */
  public void sendRaw(byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** Writes on another thread, for payloads the supervisor may refuse to read to the end. */
  public CompletableFuture<Void> sendRawInBackground(byte[] bytes) {
    return CompletableFuture.runAsync(() -> {
      try {
        sendRaw(bytes);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  /** Half-closes: the supervisor sees the end of the commands; the states keep coming. */
  public void shutdownOutput() throws IOException {
    channel.shutdownOutput();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private SseEvent poll(long nanos) {
    try {
      return pending.poll(Math.max(nanos, 0), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the control socket", e);
    }
  }

  private void readUntilEnd() {
    SseDecoder decoder = new SseDecoder(event -> {
      received.add(event);
      pending.add(event);
    });
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    try {
      while (channel.read(buffer.clear()) >= 0) {
        decoder.feed(buffer.array(), buffer.position());
      }
    } catch (IOException e) {
      // A reset or our own close ends the stream like an orderly close does.
    } finally {
      ended = true;
      pending.add(END);
    }
  }

  private String history() {
    List<SseEvent> all = events();
    int from = Math.max(0, all.size() - 12);
    String tail = all.subList(from, all.size()).stream().map(SseEvent::toString)
        .collect(Collectors.joining("\n  ", "\n  ", ""));
    return all.size() + " events" + (from > 0 ? ", the last 12:" : ":") + tail;
  }
}
