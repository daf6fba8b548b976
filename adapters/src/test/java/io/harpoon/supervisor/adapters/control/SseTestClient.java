package io.harpoon.supervisor.adapters.control;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A control client on the JDK's own unix-socket channel (independent of jnr), reading on a thread of
 * its own into a queue of decoded events.
 */
final class SseTestClient implements AutoCloseable {

  private final SocketChannel channel;
  private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
  private final CountDownLatch ended = new CountDownLatch(1);
  private final Thread reader;

  private SseTestClient(SocketChannel channel) {
    this.channel = channel;
    this.reader = new Thread(this::readLoop, "sse-test-client");
    reader.setDaemon(true);
    reader.start();
  }

  static SseTestClient connect(Path socket) throws IOException {
    return new SseTestClient(open(socket));
  }

  /** A blocking JDK channel connected to {@code socket}, nobody reading it. */
  static SocketChannel open(Path socket) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    channel.connect(UnixDomainSocketAddress.of(socket));
    return channel;
  }

  void send(String text) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  void shutdownOutput() throws IOException {
    channel.shutdownOutput();
  }

  /** The next event, failing the test after {@code timeout}. */
  SseEvent next(Duration timeout) throws InterruptedException {
    SseEvent event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (event == null) {
      throw new AssertionError("no event within " + timeout);
    }
    return event;
  }

  /** The next event of {@code type}, skipping others, failing after {@code timeout}. */
  SseEvent nextOfType(String type, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      SseEvent event = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (event == null) {
        throw new AssertionError("no " + type + " event within " + timeout);
      }
      if (event.type().equals(type)) {
        return event;
      }
    }
  }

  /** Events received so far and not taken. */
  BlockingQueue<SseEvent> queue() {
    return events;
  }

  /** Whether the server closed the connection (EOF or reset) within {@code timeout}. */
  boolean awaitEnd(Duration timeout) throws InterruptedException {
    return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private void readLoop() {
    SseDecoder decoder = new SseDecoder();
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    try {
      while (channel.read(buffer.clear()) >= 0) {
        decoder.feed(buffer.flip(), events::add);
      }
    } catch (IOException closedOrReset) {
      // Treated as the end of the stream.
    } finally {
      ended.countDown();
    }
  }
}
