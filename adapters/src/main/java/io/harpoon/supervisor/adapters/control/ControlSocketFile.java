package io.harpoon.supervisor.adapters.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import jnr.unixsocket.UnixServerSocketChannel;
import jnr.unixsocket.UnixSocketAddress;

/**
 * The socket file {@code RUNDIR/control}: claimed at start, removed at the end, never stolen.
 *
 * <p>Ownership is decided by {@link SupervisorLock}, taken first and held until the end: whoever holds it
 * may replace a socket file left at the path, as its owner is dead.
 *
 * <p>Why not umask(0177) around bind(2): the umask is process-wide, and other threads of the
 * supervisor create files and directories while the socket is bound (bundle, state.json, volumes), so
 * they would get 0600 modes at random. Instead the socket is bound inside a fresh 0700 directory, set
 * to 0600, and hard-linked to its public name: link(2) fails with EEXIST instead of replacing, so a
 * concurrently started supervisor is never overwritten, and the public name is 0600 from its first
 * instant (connect(2) needs write permission on the socket file, see unix(7)).
 */
final class ControlSocketFile {

  /** sun_path holds 108 bytes including the terminating NUL (unix(7)). */
  static final int MAX_PATH_BYTES = 107;

  /**
   * The longest {@code RUNDIR/control}: the socket is bound first as {@code RUNDIR/.ctl-XXXXXX/s}
   * (always six digits), 6 bytes longer, which must fit in {@link #MAX_PATH_BYTES}.
   */
  static final int MAX_CONTROL_PATH_BYTES = MAX_PATH_BYTES - 6;

  private static final int SOCKET_TYPE = 0140000;
  private static final int TYPE_MASK = 0170000;
  private static final int BACKLOG = 512;
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  private final Path path;
  private final Object fileKey;
  private final int ownerUid;
  private final SupervisorLock lock;

  private ControlSocketFile(Path path, Object fileKey, int ownerUid, SupervisorLock lock) {
    this.path = path;
    this.fileKey = fileKey;
    this.ownerUid = ownerUid;
    this.lock = lock;
  }

  /**
   * Locks the run directory, binds {@code server} and publishes it at {@code path}. Another supervisor
   * holding the lock is refused; a socket left there is stale then and replaced — unless something still
   * answers on it (a supervisor of a version without the lock), and anything that is not a socket is
   * refused.
   */
  static ControlSocketFile bind(UnixServerSocketChannel server, Path path) throws IOException {
    Path target = path.toAbsolutePath();
    checkLength(target, MAX_CONTROL_PATH_BYTES);
    SupervisorLock lock = SupervisorLock.acquire(target.getParent());
    try {
      StaleSocketProbe.removeIfStale(target);
      Path dir = privateDir(target.getParent());
      Path bound = dir.resolve("s");
      try {
        checkLength(bound, MAX_PATH_BYTES);
        server.socket().bind(new UnixSocketAddress(bound.toString()), BACKLOG);
        Files.setPosixFilePermissions(bound, PosixFilePermissions.fromString("rw-------"));
        publish(bound, target);
      } finally {
        Files.deleteIfExists(bound);
        Files.deleteIfExists(dir);
      }
      BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class, NOFOLLOW);
      return new ControlSocketFile(target, attributes.fileKey(), owner(target), lock);
    } catch (IOException | RuntimeException failed) {
      lock.close();
      throw failed;
    }
  }

  /** The public path of the socket. */
  Path path() {
    return path;
  }

  /** The uid that owns the socket file: the supervisor's effective (filesystem) uid. */
  int ownerUid() {
    return ownerUid;
  }

  /** Removes the socket file if it is still ours (the same inode we published), then lets the lock go. */
  void release() {
    try {
      Object current = Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW).fileKey();
      if (Objects.equals(current, fileKey)) {
        Files.deleteIfExists(path);
      }
    } catch (IOException gone) {
      // Already removed (or the directory vanished): nothing left to clean up.
    } finally {
      lock.close();
    }
  }

  /** Whether {@code path} names a socket; false when it does not exist. */
  static boolean isSocket(Path path) throws IOException {
    return (mode(path) & TYPE_MASK) == SOCKET_TYPE;
  }

  private static int mode(Path path) throws IOException {
    return (Integer) Files.getAttribute(path, "unix:mode", NOFOLLOW);
  }

  private static int owner(Path path) throws IOException {
    return (Integer) Files.getAttribute(path, "unix:uid", NOFOLLOW);
  }

  private static void publish(Path bound, Path target) throws IOException {
    try {
      Files.createLink(target, bound);
    } catch (FileAlreadyExistsException raced) {
      throw new ControlSocketTakenException("another supervisor owns " + target);
    }
  }

  private static Path privateDir(Path parent) throws IOException {
    for (int attempt = 0; ; attempt++) {
      long digits = ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36);
      String name = ".ctl-" + String.format("%6s", Long.toString(digits, 36)).replace(' ', '0');
      try {
        return Files.createDirectory(
            parent.resolve(name),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (FileAlreadyExistsException taken) {
        if (attempt == 10) {
          throw taken;
        }
      }
    }
  }

  private static void checkLength(Path path, int max) throws IOException {
    int length = path.toString().getBytes(StandardCharsets.UTF_8).length;
    if (length > max) {
      throw new IOException("socket path too long for a unix socket (" + length + " > " + max
          + " bytes; it is bound first as .ctl-XXXXXX/s beside it, which must fit in "
          + MAX_PATH_BYTES + "): " + path);
    }
  }
}
