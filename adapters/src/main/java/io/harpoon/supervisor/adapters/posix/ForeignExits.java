package io.harpoon.supervisor.adapters.posix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import jnr.constants.platform.Errno;

/**
 * Watches a process that is not the supervisor's child, such as the init of a container re-adopted
 * from a supervisor that died: nobody can reap it for us, so its wait status is lost, but its end
 * is still observable. A pidfd ({@code pidfd_open(2)}, Linux 5.3) becomes readable when the process
 * terminates; one daemon thread blocks in {@code poll(2)} on it.
 */
final class ForeignExits {

  private static final long SYS_PIDFD_OPEN = 434;
  private static final int POLLIN = 1;
  private static final int ESRCH = Errno.ESRCH.intValue();
  private static final int EINTR = Errno.EINTR.intValue();
  private static final long FALLBACK_POLL_MILLIS = 500;

  private ForeignExits() {}

  /** The parent pid of {@code pid}, or empty when no such process exists (or it cannot be read). */
  static OptionalLong parentOf(int pid) {
    try {
      String stat =
          Files.readString(Path.of("/proc", Integer.toString(pid), "stat"), StandardCharsets.UTF_8);
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last
      // ')'.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return OptionalLong.of(Long.parseLong(fields[1]));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** Runs {@code gone} on a new daemon thread once {@code pid} has terminated. */
  static void watch(LinuxLibC libc, int pid, Runnable gone) {
    Thread thread = new Thread(() -> awaitEnd(libc, pid, gone), "exit-watch-" + pid);
    thread.setDaemon(true);
    thread.start();
  }

  private static void awaitEnd(LinuxLibC libc, int pid, Runnable gone) {
    int fd = libc.syscall(SYS_PIDFD_OPEN, pid, 0);
    try {
      if (fd >= 0) {
        pollReadable(libc, fd);
        libc.close(fd);
      } else if (NativeLinux.errno() != ESRCH) {
        pollProc(pid);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    gone.run();
  }

  private static void pollReadable(LinuxLibC libc, int fd) {
    int[] pollFd = {fd, POLLIN};
    while (libc.poll(pollFd, 1, -1) < 0 && NativeLinux.errno() == EINTR) {
      pollFd[1] = POLLIN;
    }
  }

  /** Without pidfds (kernels before 5.3) the only sign left is the /proc entry. */
  private static void pollProc(int pid) throws InterruptedException {
    Path proc = Path.of("/proc", Integer.toString(pid));
    while (Files.exists(proc)) {
      Thread.sleep(FALLBACK_POLL_MILLIS);
    }
  }
}
