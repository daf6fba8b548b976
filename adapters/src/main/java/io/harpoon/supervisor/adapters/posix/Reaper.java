package io.harpoon.supervisor.adapters.posix;

import io.harpoon.supervisor.domain.container.WaitStatus;
import jnr.constants.platform.Errno;

/**
 * The one thread that reaps every child of the supervisor: the processes it spawned and the orphans
 * the kernel re-parents to it as child subreaper (a container's init once {@code runc create}
 * exits, runtime helpers). It waits in {@code waitid(P_ALL, WEXITED | WNOWAIT)}, which reports a
 * dead child without reaping it; the child is then reaped with {@code waitpid} inside the {@link
 * ChildTable}'s monitor, so its pid is only freed for reuse once its status is recorded (see {@code
 * wait(2)}). With no child at all {@code waitid} fails with {@code ECHILD}, and the thread sleeps
 * until the next spawn: a process can only become our child through a spawn of ours or through the
 * death of a descendant, and a descendant exists only while a child does.
 */
final class Reaper implements Runnable {

  private static final int ECHILD = Errno.ECHILD.intValue();
  private static final int EINTR = Errno.EINTR.intValue();

  private final LinuxLibC libc;
  private final ChildTable table;

  Reaper(LinuxLibC libc, ChildTable table) {
    this.libc = libc;
    this.table = table;
  }

  /** Starts the reaper as a daemon thread. */
  static Thread start(LinuxLibC libc, ChildTable table) {
    Thread thread = new Thread(new Reaper(libc, table), "child-reaper");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Override
  public void run() {
    int[] info = new int[NativeLinux.SIGINFO_INTS];
    try {
      while (true) {
        waitOnce(info);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void waitOnce(int[] info) throws InterruptedException {
    long spawns = table.spawns();
    info[NativeLinux.SIGINFO_PID_INDEX] = 0;
    int options = NativeLinux.WEXITED | NativeLinux.WNOWAIT;
    if (libc.waitid(NativeLinux.P_ALL, 0, info, options) == 0) {
      int pid = info[NativeLinux.SIGINFO_PID_INDEX];
      if (pid > 0) {
        table.reap(pid, this::reapNow).run();
      }
      return;
    }
    int errno = NativeLinux.errno();
    if (errno == ECHILD) {
      table.awaitSpawnAfter(spawns);
    } else if (errno != EINTR) {
      throw new IllegalStateException("waitid failed: " + NativeLinux.describe(errno));
    }
  }

  /** Reaps a child known to be dead; Unknown if something else in this JVM reaped it first. */
  private WaitStatus reapNow(int pid) {
    int[] status = new int[1];
    int result;
    do {
      result = libc.waitpid(pid, status, NativeLinux.WNOHANG);
    } while (result < 0 && NativeLinux.errno() == EINTR);
    return result == pid ? WaitStatuses.decode(status[0]) : new WaitStatus.Unknown();
  }
}
