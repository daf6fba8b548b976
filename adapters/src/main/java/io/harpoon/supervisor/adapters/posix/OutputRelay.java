package io.harpoon.supervisor.adapters.posix;

import java.util.ArrayList;
import java.util.List;
import jnr.constants.platform.Errno;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * The one thread that copies what containers write into their pipes (see {@link ContainerPipes}) to
 * the supervisor's own stdout and stderr, as conmon does for podman. It waits in {@code poll(2)} on
 * every pipe at once, plus a wake-up pipe through which new pipes are announced, and ends when no
 * pipe is left open; the next container start makes a new one.
 *
 * <p>Buffering is bounded: one chunk is read, then written out whole before the next read. A reader
 * that stops draining the supervisor's stdout blocks this thread in {@code write(2)} (or in {@code
 * poll(2)} when the descriptor is non-blocking), so the pipes fill and the container's own writes
 * block: the container waits, never the supervisor's loop, its control socket or its log, which do
 * not go through here. Output to a descriptor that cannot be written any more ({@code EPIPE},
 * {@code EBADF}) is discarded, and the container keeps running.
 */
final class OutputRelay {

  static final int STDOUT = 1;
  static final int STDERR = 2;

  private static final int CHUNK = 16 * 1024;
  private static final int POLLIN = 0x1;
  private static final int POLLOUT = 0x4;
  private static final int POLLERR = 0x8;
  private static final int POLLHUP = 0x10;
  private static final int POLLNVAL = 0x20;
  private static final int O_NONBLOCK = 04000;
  private static final int EINTR = Errno.EINTR.intValue();
  private static final int EAGAIN = Errno.EAGAIN.intValue();

  private final LinuxLibC libc;
  private final int[] wake = new int[2];
  private final List<Relayed> added = new ArrayList<>();
  private boolean running;

  OutputRelay(LinuxLibC libc) {
    this.libc = libc;
    if (libc.pipe2(wake, ContainerPipes.O_CLOEXEC | O_NONBLOCK) != 0) {
      throw new IllegalStateException(
          "cannot create the relay's wake-up pipe: " + NativeLinux.describe(NativeLinux.errno()));
    }
  }

  /** The process-wide relay. */
  static OutputRelay instance() {
    return Holder.INSTANCE;
  }

  /**
   * Copies what is read from {@code fd} to descriptor {@code target} until end of file, then closes
   * {@code fd}. The relay owns {@code fd} from now on.
   */
  void relay(int fd, int target) {
    synchronized (this) {
      added.add(new Relayed(fd, target));
      if (!running) {
        running = true;
        Thread thread = new Thread(this::run, "output-relay");
        thread.setDaemon(true);
        thread.start();
        return;
      }
    }
    libc.write(wake[1], Memory.allocateDirect(NativeLinux.runtime(), 1), 1);
  }

  /** Whether the relay's thread is running: some pipe is still open. */
  synchronized boolean running() {
    return running;
  }

  private void run() {
    List<Relayed> pipes = new ArrayList<>();
    Pointer buffer = Memory.allocateDirect(NativeLinux.runtime(), CHUNK);
    while (takeAdded(pipes)) {
      int[] pollFds = pollFds(pipes);
      if (libc.poll(pollFds, pipes.size() + 1L, -1) < 0) {
        continue;
      }
      if (revents(pollFds, 0) != 0) {
        libc.read(wake[0], buffer, CHUNK);
      }
      for (int i = pipes.size() - 1; i >= 0; i--) {
        int revents = revents(pollFds, i + 1);
        if (revents != 0 && !copyOnce(pipes.get(i), buffer, revents)) {
          libc.close(pipes.remove(i).fd());
        }
      }
    }
  }

  /** Moves newly added pipes to {@code pipes}; false, and the thread ends, when none is left. */
  private synchronized boolean takeAdded(List<Relayed> pipes) {
    pipes.addAll(added);
    added.clear();
    running = !pipes.isEmpty();
    return running;
  }

  private int[] pollFds(List<Relayed> pipes) {
    int[] pollFds = new int[2 * (pipes.size() + 1)];
    pollFds[0] = wake[0];
    pollFds[1] = POLLIN;
    for (int i = 0; i < pipes.size(); i++) {
      pollFds[2 * (i + 1)] = pipes.get(i).fd();
      pollFds[2 * (i + 1) + 1] = POLLIN;
    }
    return pollFds;
  }

  private static int revents(int[] pollFds, int index) {
    return (pollFds[2 * index + 1] >>> 16) & (POLLIN | POLLERR | POLLHUP | POLLNVAL);
  }

  /** One read and its write; false at end of file or when the pipe cannot be read any more. */
  private boolean copyOnce(Relayed pipe, Pointer buffer, int revents) {
    if ((revents & POLLNVAL) != 0) {
      return false;
    }
    long count = libc.read(pipe.fd(), buffer, CHUNK);
    if (count < 0) {
      int errno = NativeLinux.errno();
      return errno == EINTR || errno == EAGAIN;
    }
    if (count > 0 && !pipe.discarding && !writeAll(pipe.target(), buffer, count)) {
      pipe.discarding = true;
    }
    return count > 0;
  }

  /** Writes all {@code count} bytes; false when {@code fd} cannot be written to any more. */
  private boolean writeAll(int fd, Pointer buffer, long count) {
    long done = 0;
    while (done < count) {
      long written = libc.write(fd, buffer.slice(done), count - done);
      if (written > 0) {
        done += written;
      } else if (written == 0) {
        return false;
      } else if (!awaitWritable(fd, NativeLinux.errno())) {
        return false;
      }
    }
    return true;
  }

  /** After a failed write: waits when {@code fd} is full (non-blocking); false on a real error. */
  private boolean awaitWritable(int fd, int errno) {
    if (errno == EAGAIN) {
      int[] pollFd = {fd, POLLOUT};
      libc.poll(pollFd, 1, -1);
    }
    return errno == EAGAIN || errno == EINTR;
  }

  /** A container's pipe and the descriptor its bytes go to. */
  private static final class Relayed {
    private final int fd;
    private final int target;
    private boolean discarding;

    Relayed(int fd, int target) {
      this.fd = fd;
      this.target = target;
    }

    int fd() {
      return fd;
    }

    int target() {
      return target;
    }
  }

  private static final class Holder {
    static final OutputRelay INSTANCE = new OutputRelay(NativeLinux.get());
  }
}
