package io.harpoon.supervisor.adapters.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import jnr.constants.platform.Errno;
import jnr.unixsocket.UnixSocketAddress;
import jnr.unixsocket.UnixSocketChannel;

/**
 * Tells a live control socket from one a dead supervisor left behind, by connecting to it: the kernel
 * refuses (ECONNREFUSED) a connection to a socket file nobody listens on any more (unix(7)).
 */
final class StaleSocketProbe {

  private StaleSocketProbe() {}

  /**
   * Removes {@code path} when it is a stale socket; does nothing when nothing is there. Throws {@link
   * ControlSocketTakenException} when a live supervisor accepts on it or when it is not a socket.
   */
  static void removeIfStale(Path path) throws IOException {
    boolean socket;
    try {
      socket = ControlSocketFile.isSocket(path);
    } catch (NoSuchFileException missing) {
      return;
    }
    if (!socket) {
      throw new ControlSocketTakenException(
          path + " exists and is not a socket; refusing to replace it");
    }
    if (answers(path)) {
      throw new ControlSocketTakenException("another supervisor owns " + path);
    }
    Files.deleteIfExists(path);
  }

  /**
   * Whether someone listens on {@code path}. The connect is non-blocking so a live but busy supervisor
   * (full backlog: EAGAIN) counts as live instead of hanging the probe.
   */
  private static boolean answers(Path path) throws IOException {
    try (UnixSocketChannel probe = UnixSocketChannel.create()) {
      probe.configureBlocking(false);
      probe.connect(new UnixSocketAddress(path.toString()));
      return true;
    } catch (IOException e) {
      String why = String.valueOf(e.getMessage());
      if (why.equals(Errno.ECONNREFUSED.toString()) || why.equals(Errno.ENOENT.toString())) {
        return false;
      }
      throw new IOException("cannot tell whether " + path + " is in use: " + why, e);
    }
  }
}
