package io.harpoon.supervisor.adapters.runtime;

import io.harpoon.supervisor.adapters.posix.NativeLinux;
import io.harpoon.supervisor.adapters.posix.NativePosix;
import java.util.List;
import java.util.Optional;
import jnr.constants.platform.OpenFlags;
import jnr.posix.FileStat;
import jnr.posix.POSIX;

/**
 * A path followed one name at a time, each name looked up in the directory opened at the step
 * before and never through a symlink. jnr-posix has no {@code openat(2)}/{@code fstatat(2)}, but a
 * path through {@code /proc/self/fd/DIR/} starts at the open directory DIR itself (proc(5): the fd
 * entries are magic links), so {@code open("/proc/self/fd/DIR/NAME", O_NOFOLLOW)} is {@code
 * openat(DIR, NAME, O_NOFOLLOW)}. A directory swapped for a symlink between two steps fails the
 * open with {@code ELOOP} instead of leading elsewhere.
 */
final class NoFollowWalk implements AutoCloseable {

  private static final int ENOENT = 2;
  private static final int ENOTDIR = 20;
  private static final int ELOOP = 40;
  private static final int DIRECTORY_FLAGS =
      OpenFlags.O_RDONLY.intValue()
          | OpenFlags.O_DIRECTORY.intValue()
          | OpenFlags.O_NOFOLLOW.intValue()
          | OpenFlags.O_CLOEXEC.intValue();

  private final POSIX posix = NativePosix.get();
  private final StringBuilder walked;
  private int directory;

  private NoFollowWalk(String start, int directory) {
    this.walked = new StringBuilder(start.equals("/") ? "" : start);
    this.directory = directory;
  }

  /** Opens {@code start}, following it if it is a symlink: the walk is refused only below it. */
  static NoFollowWalk from(String start) throws PathRefusal {
    POSIX posix = NativePosix.get();
    int flags = DIRECTORY_FLAGS & ~OpenFlags.O_NOFOLLOW.intValue();
    int fd = posix.open(start, flags, 0);
    if (fd < 0) {
      throw PathRefusal.failed(start, "cannot open: " + NativeLinux.describe(posix.errno()));
    }
    return new NoFollowWalk(start, fd);
  }

  /** The names of an absolute path, without empty and {@code .} ones. */
  static List<String> names(String path) {
    return List.of(OciMounts.normalize(path).substring(1).split("/")).stream()
        .filter(name -> !name.isEmpty())
        .toList();
  }

  /** The path walked so far, for messages. */
  String walked() {
    return walked.length() == 0 ? "/" : walked.toString();
  }

  /** What {@code name} is in the current directory, not following a symlink; empty if absent. */
  Optional<FileStat> lookup(String name) throws PathRefusal {
    FileStat stat = posix.allocateStat();
    if (posix.lstat(here(name), stat) == 0) {
      return Optional.of(stat);
    }
    int errno = posix.errno();
    if (errno == ENOENT) {
      return Optional.empty();
    }
    throw PathRefusal.failed(child(name), "cannot stat: " + NativeLinux.describe(errno));
  }

  /**
   * Descends into directory {@code name}; refused when it is missing, a symlink or no directory.
   */
  void enter(String name) throws PathRefusal {
    int fd = openDirectory(name);
    posix.close(directory);
    directory = fd;
    walked.append('/').append(name);
  }

  /** Sets the mode (permission, sticky, setid bits) of directory {@code name}. */
  void chmodDirectory(String name, int mode) throws PathRefusal {
    int fd = openDirectory(name);
    try {
      if (posix.fchmod(fd, mode) != 0) {
        throw PathRefusal.failed(
            child(name), "cannot chmod: " + NativeLinux.describe(posix.errno()));
      }
    } finally {
      posix.close(fd);
    }
  }

  @Override
  public void close() {
    posix.close(directory);
  }

  private int openDirectory(String name) throws PathRefusal {
    int fd = posix.open(here(name), DIRECTORY_FLAGS, 0);
    if (fd >= 0) {
      return fd;
    }
    int errno = posix.errno();
    // With O_DIRECTORY the kernel reports a symlink as ENOTDIR: look again to say which it was.
    switch (errno) {
      case ENOENT -> throw PathRefusal.missing(child(name));
      case ELOOP -> throw PathRefusal.symlink(child(name));
      case ENOTDIR ->
          throw lookup(name).filter(FileStat::isSymlink).isPresent()
              ? PathRefusal.symlink(child(name))
              : PathRefusal.notADirectory(child(name));
      default ->
          throw PathRefusal.failed(child(name), "cannot open: " + NativeLinux.describe(errno));
    }
  }

  private String here(String name) {
    return "/proc/self/fd/" + directory + "/" + name;
  }

  /** The path of {@code name} in the current directory, for messages. */
  String child(String name) {
    return walked + "/" + name;
  }
}
