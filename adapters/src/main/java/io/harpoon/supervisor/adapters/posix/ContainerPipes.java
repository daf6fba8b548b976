package io.harpoon.supervisor.adapters.posix;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The container's own stdout and stderr: two pipes made for one start ({@code runc create}, whose
 * container init inherits them), each drained by a relay process that copies it to the
 * supervisor's stdout or stderr, as conmon does for podman. The runtime, lacking a terminal, hands
 * the container its stdio and chowns it to the container's user; these pipes are what it gets, so
 * nothing of the supervisor's (its terminal, its log file or pipe) is ever reachable from the
 * container, through {@code /proc/self/fd} or otherwise.
 *
 * <p>The relays are processes, not a thread of the supervisor, so that the container's output
 * outlives the supervisor (SPEC §8: a successor adopts the running container). Once they run, the
 * supervisor holds no end of either pipe: its read ends are closed here after the relays' spawn,
 * its write ends once the runtime has them. When the supervisor dies, the relays are re-parented
 * and go on copying to the same stdout and stderr; each ends by itself at end of file, when the
 * last process of the container holding a write end has gone. A reader that stops draining the
 * supervisor's stdout blocks a relay, whose pipe fills, and then the container's writes: never the
 * supervisor, which writes nothing through them.
 *
 * <p>Every end is {@code O_CLOEXEC}: only a child that gets one as its 0, 1 or 2 through the
 * spawn's file actions keeps it, and a relay holds nothing but its 0, 1 and 2.
 */
public final class ContainerPipes implements AutoCloseable {

  /**
   * The relay: copies its stdin to its stdout until end of file. Found on {@code PATH} by the
   * spawn; any {@code cat} does (coreutils, busybox).
   */
  public static final String RELAY = "cat";

  static final int O_CLOEXEC = 02000000;
  private static final int STDERR = 2;

  private final LinuxLibC libc;
  private final int[] out = {-1, -1};
  private final int[] err = {-1, -1};

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

  /**
   * Starts {@code relay} twice with {@code processes}: one copies the stdout pipe to the
   * supervisor's stdout, the other the stderr pipe to its stderr; a relay's own messages (a write
   * error) go to the supervisor's stderr, where an operator looks for why the output stopped. Then
   * closes the read ends here, whether the relays started or not.
   *
   * @return the relays' pids
   * @throws IOException "cannot start the output relay: ..." when either cannot be started; one
   *     that did start ends once the write ends are closed
   */
  public List<Integer> relay(NativeProcesses processes, String relay) throws IOException {
    return relay(processes, relay, Output.INHERIT, Output.descriptor(STDERR));
  }

  /** As {@link #relay(NativeProcesses, String)}, copying to the given outputs. */
  List<Integer> relay(
      NativeProcesses processes, String relay, Output stdoutTarget, Output stderrTarget)
      throws IOException {
    List<Integer> pids = new ArrayList<>(2);
    try {
      pids.add(processes.spawnDetached(List.of(relay), out[0], stdoutTarget, Output.INHERIT));
      pids.add(processes.spawnDetached(List.of(relay), err[0], stderrTarget, Output.INHERIT));
    } catch (IOException e) {
      throw new IOException("cannot start the output relay: " + e.getMessage(), e);
    } finally {
      closeEnd(out, 0);
      closeEnd(err, 0);
    }
    return List.copyOf(pids);
  }

  /** Closes every end this process still holds. */
  @Override
  public void close() {
    closeEnd(out, 1);
    closeEnd(err, 1);
    closeEnd(out, 0);
    closeEnd(err, 0);
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
