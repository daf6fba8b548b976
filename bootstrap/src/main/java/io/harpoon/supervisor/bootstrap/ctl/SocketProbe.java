package io.harpoon.supervisor.bootstrap.ctl;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns "cannot connect" into the reason an operator can act on. The JDK reports unix socket
 * failures with bare strerror texts (even EACCES arrives as a BindException), so the path is looked
 * at directly: missing, not a socket, too long, not writable (connect(2) needs write permission on
 * the socket file, unix(7)), or a socket nobody listens on (ECONNREFUSED: its supervisor died).
 */
final class SocketProbe {

  /** sun_path holds 108 bytes including the terminating NUL (unix(7)). */
  static final int MAX_PATH_BYTES = 107;

  private static final int SOCKET_TYPE = 0140000;
  private static final int TYPE_MASK = 0170000;

  private SocketProbe() {}

  /** Fails early, and clearly, when {@code socket} cannot be a live control socket. */
  static void check(Path socket) throws CtlException {
    int length = socket.toString().getBytes(StandardCharsets.UTF_8).length;
    if (length > MAX_PATH_BYTES) {
      throw unreachable(
          String.format(
              "the socket path %s is too long for a unix socket (%d > %d bytes);"
                  + " cd to the run directory and use --dir .",
              socket, length, MAX_PATH_BYTES));
    }
    if ((mode(socket) & TYPE_MASK) != SOCKET_TYPE) {
      throw unreachable(shown(socket) + " is not a socket");
    }
  }

  /**
   * The file's type and permission bits; a socket's when they cannot be read (connect will tell).
   */
  private static int mode(Path socket) throws CtlException {
    try {
      return (Integer) Files.getAttribute(socket, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException missing) {
      throw unreachable(
          String.format(
              "no control socket at %s (is a supervisor running in %s?)",
              shown(socket), shown(directory(socket))));
    } catch (AccessDeniedException denied) {
      throw permissionDenied(socket);
    } catch (IOException | UnsupportedOperationException unreadable) {
      return SOCKET_TYPE;
    }
  }

  /** Why connecting to {@code socket} failed with {@code failure}. */
  static CtlException explain(Path socket, IOException failure) {
    if (Files.notExists(socket, LinkOption.NOFOLLOW_LINKS)) {
      return unreachable(
          "no control socket at " + shown(socket) + " (the supervisor just exited?)");
    }
    if (!Files.isWritable(socket)) {
      return permissionDenied(socket);
    }
    if (failure instanceof ConnectException) {
      return unreachable(
          "nobody listens on "
              + shown(socket)
              + ": a stale socket left by a supervisor that is gone");
    }
    return new CtlException(
        ExitCode.UNREACHABLE,
        "cannot connect to " + shown(socket) + ": " + failure.getMessage(),
        failure);
  }

  private static CtlException permissionDenied(Path socket) {
    return unreachable(
        "permission denied on "
            + shown(socket)
            + ": only root and the supervisor's own user may connect");
  }

  /** Absolute in messages, so the operator sees which directory was meant. */
  static Path shown(Path path) {
    return path.toAbsolutePath().normalize();
  }

  private static Path directory(Path socket) {
    Path parent = socket.getParent();
    return parent == null ? Path.of(".") : parent;
  }

  private static CtlException unreachable(String message) {
    return new CtlException(ExitCode.UNREACHABLE, message);
  }
}
