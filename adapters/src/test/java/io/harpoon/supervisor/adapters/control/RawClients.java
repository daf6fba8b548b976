package io.harpoon.supervisor.adapters.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Raw socket moves for abuse tests: floods, reads to the end, and the JVM's own resource counts.
 */
final class RawClients {

  private RawClients() {}

  /**
   * Writes {@code unit} over and over on a non-blocking channel until the socket takes nothing for
   * {@code quiet} or {@code limit} passes; returns the bytes written.
   */
  static long flood(SocketChannel channel, String unit, Duration quiet, Duration limit)
      throws IOException, InterruptedException {
    channel.configureBlocking(false);
    ByteBuffer bytes =
        ByteBuffer.wrap(unit.repeat(4096 / unit.length()).getBytes(StandardCharsets.UTF_8));
    long written = 0;
    long deadline = System.nanoTime() + limit.toNanos();
    long lastProgress = System.nanoTime();
    while (System.nanoTime() < deadline && System.nanoTime() - lastProgress < quiet.toNanos()) {
      int n = channel.write(bytes.rewind());
      if (n > 0) {
        written += n;
        lastProgress = System.nanoTime();
      } else {
        Thread.sleep(1);
      }
    }
    return written;
  }

  /**
   * Everything the server sends until it closes or resets the connection; fails after {@code
   * timeout}.
   */
  static String readToEnd(SocketChannel channel, Duration timeout)
      throws IOException, InterruptedException {
    channel.configureBlocking(false);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(4096);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      int n;
      try {
        n = channel.read(buffer.clear());
      } catch (IOException reset) {
        // A server closing with our bytes unread resets the connection once its data is read.
        n = -1;
      }
      if (n < 0) {
        return all.toString(StandardCharsets.UTF_8);
      }
      all.write(buffer.array(), 0, n);
      if (n == 0) {
        Thread.sleep(2);
      }
    }
    throw new AssertionError("not closed within " + timeout + "; got: " + all);
  }

  /** Open file descriptors of this JVM. */
  static long openFds() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  /** Threads of this JVM, as the kernel counts them. */
  static long threads() throws IOException {
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      return tasks.count();
    }
  }
}
