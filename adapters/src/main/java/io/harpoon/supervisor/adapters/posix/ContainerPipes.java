package io.harpoon.supervisor.adapters.posix;

import java.io.IOException;

/**
 * The container's own stdout and stderr: two pipes made for one start ({@code runc create}, whose
 * container init inherits them), whose read ends go to the {@link OutputRelay}. The runtime,
 * lacking a terminal, hands the container its stdio and chowns it to the container's user; these
 * pipes are what it gets, so nothing of the supervisor's (its terminal, its log file or pipe) is
 * ever reachable from the container, through {@code /proc/self/fd} or otherwise.
 *
 * <p>Every end is {@code O_CLOEXEC}: only a child that gets one as its 1 or 2 through the spawn's
 * file actions keeps it. The write ends are closed here once the runtime has them, so the relay
 * sees end of file when the last process of the container holding them has gone.
 */
public final class ContainerPipes implements AutoCloseable {

  static final int O_CLOEXEC = 02000000;

  private final LinuxLibC libc;
  private final int[] out = {-1, -1};
  private final int[] err = {-1, -1};
  private boolean relayed;

  private ContainerPipes(LinuxLibC libc) {
    this.libc = libc;
  }

  /** Two new pipes. */
  public static ContainerPipes open() throws IOException {
    ContainerPipes pipes = new ContainerPipes(NativeLinux.get());
    pipes.create(pipes.out);
    try {
      pipes.create(pipes.err);
    } catch (IOException e) {
      pipes.close();
      throw e;
    }
    return pipes;
  }

  /** The write end of the stdout pipe, for the spawn. */
  public Output stdout() {
    return Output.descriptor(out[1]);
  }

  /** The write end of the stderr pipe, for the spawn. */
  public Output stderr() {
    return Output.descriptor(err[1]);
  }

  /** Hands the read ends to the relay, which copies them to the supervisor's stdout and stderr. */
  public void relay() {
    relay(OutputRelay.instance(), OutputRelay.STDOUT, OutputRelay.STDERR);
  }

  /** Hands the read ends to {@code relay}, which copies them to the given descriptors. */
  void relay(OutputRelay relay, int stdoutTarget, int stderrTarget) {
    relayed = true;
    relay.relay(out[0], stdoutTarget);
    relay.relay(err[0], stderrTarget);
  }

  /** Closes the write ends, and the read ends too unless they were handed to the relay. */
  @Override
  public void close() {
    closeEnd(out, 1);
    closeEnd(err, 1);
    if (!relayed) {
      closeEnd(out, 0);
      closeEnd(err, 0);
    }
  }

  private void create(int[] ends) throws IOException {
    if (libc.pipe2(ends, O_CLOEXEC) != 0) {
      int errno = NativeLinux.errno();
      ends[0] = -1;
      ends[1] = -1;
      throw new IOException("cannot create a pipe: " + NativeLinux.describe(errno));
    }
  }

  private void closeEnd(int[] ends, int end) {
    if (ends[end] >= 0) {
      libc.close(ends[end]);
      ends[end] = -1;
    }
  }
}
