package io.harpoon.supervisor.adapters.posix;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An anonymous file in memory ({@code memfd_create(2)}) that a runtime command writes its stdout,
 * stderr or log to, read once the command has exited. Unlike a temporary file it has no name in any
 * file system, so nothing is left behind however the supervisor ends, even by SIGKILL, and a
 * read-only or {@code noexec} {@code /tmp} does not matter. It is gone when its last descriptor is
 * closed.
 */
public final class CapturedOutput implements AutoCloseable {

  private static final int MFD_CLOEXEC = 1;

  private final LinuxLibC libc;
  private final Path path;
  private int fd;

  private CapturedOutput(LinuxLibC libc, int fd) {
    this.libc = libc;
    this.fd = fd;
    this.path = Path.of("/proc", Long.toString(ProcessHandle.current().pid()), "fd",
        Integer.toString(fd));
  }

  /** A new empty file; {@code name} only shows in {@code /proc/PID/fd} listings. */
  public static CapturedOutput open(String name) throws IOException {
    LinuxLibC libc = NativeLinux.get();
    int fd = libc.memfd_create(name, MFD_CLOEXEC);
    if (fd < 0) {
      throw new IOException(
          "cannot create the in-memory file " + name + ": "
              + NativeLinux.describe(NativeLinux.errno()));
    }
    return new CapturedOutput(libc, fd);
  }

  /** The file as a spawned process's stdout or stderr. */
  public Output output() {
    return Output.descriptor(fd);
  }

  /**
   * A path that opens the file again, for this process and for its children (e.g. a runtime's
   * {@code --log}): {@code /proc/<supervisor pid>/fd/<fd>}, not {@code /proc/self}, which would be
   * the child's own.
   */
  public Path path() {
    return path;
  }

  @Override
  public void close() {
    if (fd >= 0) {
      libc.close(fd);
      fd = -1;
    }
  }
}
