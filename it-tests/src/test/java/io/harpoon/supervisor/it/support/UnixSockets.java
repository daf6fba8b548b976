package io.harpoon.supervisor.it.support;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

/** Plain unix-socket helpers: connecting with a deadline, and leaving a stale socket file behind. */
public final class UnixSockets {

  private static final long RETRY_MILLIS = 20;

  private UnixSockets() {}

  /**
   * Connects, retrying while the socket file is missing or refuses connections (a supervisor that is
   * still starting, or a stale file), for at most {@code timeout}.
   */
  public static SocketChannel connect(Path socket, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        channel.connect(UnixDomainSocketAddress.of(socket));
        return channel;
      } catch (IOException e) {
        channel.close();
        if (System.nanoTime() > deadline) {
          throw new IOException("cannot connect to " + socket + " within " + timeout, e);
        }
        pause();
      }
    }
  }

  /** Whether something accepts connections on the socket now. */
  public static boolean accepting(Path socket) {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Leaves the socket file of a dead server at {@code socket}: closing a bound unix socket does not
   * unlink its path (unix(7)), exactly what a supervisor killed with SIGKILL leaves behind.
   */
  public static void createStale(Path socket) throws IOException {
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
    }
  }

  static void pause() {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
