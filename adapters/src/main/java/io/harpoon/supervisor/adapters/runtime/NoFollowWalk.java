package io.harpoon.supervisor.adapters.runtime;

import io.harpoon.supervisor.adapters.posix.NativeLinux;
import java.util.List;
import java.util.Optional;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * A path followed one name at a time, each name looked up with {@code openat(2)}/{@code statx(2)}
 * in the directory opened at the step before and never through a symlink ({@code O_NOFOLLOW},
 * {@code AT_SYMLINK_NOFOLLOW}). A directory swapped for a symlink between two steps fails the open
 * instead of leading elsewhere.
 */
final class NoFollowWalk implements AutoCloseable {

  private static final int ENOENT = 2;
  private static final int ENOTDIR = 20;
  private static final int ELOOP = 40;

  private final StringBuilder walked;
  private int directory;

  private NoFollowWalk(String start, int directory) {
    this.walked = new StringBuilder(start.equals("/") ? "" : start);
    this.directory = directory;
  }

  /** Opens {@code start}, following it if it is a symlink: the walk is refused only below it. */
  static NoFollowWalk from(String start) throws PathRefusal {
    int fd = calls().openat(PathCalls.AT_FDCWD, start, directoryFlags(false), 0);
    if (fd < 0) {
      throw PathRefusal.failed(start, "cannot open: " + NativeLinux.describe(errno()));
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

  /** The path of {@code name} in the current directory, for messages. */
  String child(String name) {
    return walked + "/" + name;
  }

  /** What {@code name} is in the current directory, not following a symlink; empty if absent. */
  Optional<PathStat> lookup(String name) throws PathRefusal {
    byte[] statx = new byte[PathCalls.STATX_BYTES];
    int flags = PathCalls.AT_SYMLINK_NOFOLLOW;
    if (calls().statx(directory, name, flags, PathCalls.STATX_TYPE_MODE_INO, statx) == 0) {
      return Optional.of(PathStat.of(statx));
    }
    int errno = errno();
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
    calls().close(directory);
    directory = fd;
    walked.append('/').append(name);
  }

  /** Sets the mode (permission, sticky, setid bits) of directory {@code name}. */
  void chmodDirectory(String name, int mode) throws PathRefusal {
    int fd = openDirectory(name);
    try {
      if (calls().fchmod(fd, mode) != 0) {
        throw PathRefusal.failed(child(name), "cannot chmod: " + NativeLinux.describe(errno()));
      }
    } finally {
      calls().close(fd);
    }
  }

  @Override
  public void close() {
    calls().close(directory);
  }

  private int openDirectory(String name) throws PathRefusal {
    int fd = calls().openat(directory, name, directoryFlags(true), 0);
    if (fd >= 0) {
      return fd;
    }
    int errno = errno();
    // With O_DIRECTORY the kernel reports a symlink as ENOTDIR: look again to say which it was.
    switch (errno) {
      case ENOENT -> throw PathRefusal.missing(child(name));
      case ELOOP -> throw PathRefusal.symlink(child(name));
      case ENOTDIR ->
          throw lookup(name).filter(PathStat::isSymlink).isPresent()
              ? PathRefusal.symlink(child(name))
              : PathRefusal.notADirectory(child(name));
      default ->
          throw PathRefusal.failed(child(name), "cannot open: " + NativeLinux.describe(errno));
    }
  }

  /**
   * {@code O_RDONLY | O_CLOEXEC | O_DIRECTORY}, with {@code O_NOFOLLOW} if asked; the last two
   * differ between x86 and arm.
   */
  private static int directoryFlags(boolean noFollow) throws PathRefusal {
    String arch = System.getProperty("os.arch", "");
    int directory;
    int noFollowFlag;
    switch (arch) {
      case "amd64", "x86_64" -> {
        directory = 0x10000;
        noFollowFlag = 0x20000;
      }
      case "aarch64", "arm64" -> {
        directory = 0x4000;
        noFollowFlag = 0x8000;
      }
      default -> throw PathRefusal.failed(arch, "no open(2) flags known for this architecture");
    }
    return PathCalls.O_RDONLY_CLOEXEC | directory | (noFollow ? noFollowFlag : 0);
  }

  private static PathCalls calls() {
    return Binding.CALLS;
  }

  private static int errno() {
    return LastError.getLastError(Binding.RUNTIME);
  }

  /** Binds {@link PathCalls} on first use. */
  private static final class Binding {
    static final PathCalls CALLS =
        LibraryLoader.create(PathCalls.class).failImmediately().load("c");
    static final Runtime RUNTIME = Runtime.getRuntime(CALLS);
  }
}
