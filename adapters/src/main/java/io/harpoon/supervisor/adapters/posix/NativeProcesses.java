package io.harpoon.supervisor.adapters.posix;

import io.harpoon.supervisor.domain.container.WaitStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The supervisor's one spawner and reaper of processes. On first use it makes the JVM a child
 * subreaper ({@code prctl(PR_SET_CHILD_SUBREAPER)}): {@code runc create} exits once the container
 * is created, and without a subreaper its orphaned init would be re-parented to PID 1, which would
 * reap it and keep its wait status. As subreaper the supervisor is the init's parent and sees how
 * it ended.
 *
 * <p>It owns every child of the JVM: the {@link Reaper} reaps with {@code waitid(P_ALL)}, so
 * nothing else in the process may start children ({@code java.lang.Process} would lose its exit
 * statuses). Commands are started with {@code posix_spawnp}, never fork/exec from Java.
 */
public final class NativeProcesses {

  private static final int RECENT_STATUSES = 1024;

  private final ChildTable table = new ChildTable(RECENT_STATUSES);
  private final LinuxLibC libc;
  private final PosixSpawn posixSpawn;
  private final long ownPid = ProcessHandle.current().pid();
  private final Thread reaper;

  private NativeProcesses(LinuxLibC libc) {
    this.libc = libc;
    this.posixSpawn = new PosixSpawn(libc, NativeLinux.runtime());
    this.reaper = Reaper.start(libc, table);
  }

  /** The process-wide instance; the first call becomes subreaper and starts the reaper thread. */
  public static NativeProcesses instance() {
    return Holder.INSTANCE;
  }

  /**
   * Loads the native bindings and becomes subreaper on a background thread, so that the first spawn
   * does not pay for it on the start path.
   */
  public static void preload() {
    Thread loader = new Thread(() -> instance().warmUp(), "processes-preload");
    loader.setDaemon(true);
    loader.start();
  }

  /**
   * Starts {@code argv} (looked up on {@code PATH}) with the supervisor's environment, stdin from
   * {@code /dev/null}, and stdout and stderr as given; returns its pid.
   */
  public int spawn(List<String> argv, Output stdout, Output stderr) throws IOException {
    return spawn(argv, SpawnActions.DEV_NULL, stdout, stderr, false);
  }

  /**
   * Starts {@code argv} as {@link #spawn} does, but reading its stdin from our descriptor {@code
   * stdin} and in a session of its own: for a process that must outlive the supervisor, such as a
   * relay of a container's output (see {@link ContainerPipes}), which a Ctrl-C on the supervisor's
   * terminal must not end.
   */
  int spawnDetached(List<String> argv, int stdin, Output stdout, Output stderr)
      throws IOException {
    if (stdin < 0) {
      throw new IllegalArgumentException("no descriptor " + stdin);
    }
    return spawn(argv, stdin, stdout, stderr, true);
  }

  private int spawn(List<String> argv, int stdin, Output stdout, Output stderr, boolean newSession)
      throws IOException {
    List<SpawnActions.Action> actions = SpawnActions.of(stdin, stdout, stderr);
    long since = table.mark();
    int pid = posixSpawn.spawn(argv, actions, newSession);
    table.spawned(pid, since);
    return pid;
  }

  /** A mark to take before doing something that makes a new process ours; see {@link #adopt}. */
  public long mark() {
    return table.mark();
  }

  /**
   * Declares that {@code pid} is a new process of ours that came into being after {@code since}
   * (e.g. a container init re-parented to us), so a status reaped under that pid earlier is not
   * taken for its own.
   */
  public void adopt(int pid, long since) {
    table.adopted(pid, since);
  }

  /**
   * Calls {@code listener} once with the status of {@code pid}: at once if it was already reaped,
   * else from the reaper thread. For a process that is not our child the status is {@code Unknown}.
   * A listener must be quick and must not wait for another process (see {@link #awaitExit}).
   */
  public void onExit(int pid, Consumer<WaitStatus> listener) {
    if (pid < 1) {
      throw new IllegalArgumentException("no process has pid " + pid);
    }
    AtomicBoolean called = new AtomicBoolean();
    Consumer<WaitStatus> once =
        status -> {
          if (called.compareAndSet(false, true)) {
            listener.accept(status);
          }
        };
    Optional<WaitStatus> done = table.statusOrWait(pid, once);
    if (done.isPresent()) {
      once.accept(done.get());
      return;
    }
    OptionalLong parent = ForeignExits.parentOf(pid);
    if (parent.isEmpty()) {
      table.foreignGone(pid).run();
    } else if (parent.getAsLong() != ownPid) {
      ForeignExits.watch(libc, pid, () -> table.foreignGone(pid).run());
    }
  }

  /** The status of {@code pid}, as {@link #onExit} reports it. */
  public CompletableFuture<WaitStatus> exitOf(int pid) {
    CompletableFuture<WaitStatus> exit = new CompletableFuture<>();
    onExit(pid, exit::complete);
    return exit;
  }

  /**
   * Blocks until {@code pid} has ended, at most {@code timeout}.
   *
   * @throws IllegalStateException when called from an exit listener: listeners run on the reaper
   *     thread, which would wait for itself
   */
  public WaitStatus awaitExit(int pid, Duration timeout)
      throws InterruptedException, TimeoutException {
    if (Thread.currentThread() == reaper) {
      throw new IllegalStateException("an exit listener cannot wait for a process");
    }
    try {
      return exitOf(pid).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("exit futures never fail", e);
    }
  }

  /**
   * Sends signal {@code number} to {@code pid}; false when the process is gone. A pid this reaper
   * has reaped is never signalled, as the kernel may have reused it. {@code ESRCH} is not an error.
   *
   * @throws IllegalArgumentException for a pid below 2: {@code kill(2)} reads 0 and -1 as "my
   *     process group" and "every process I may signal", and 1 is the host's init
   */
  public boolean signal(int pid, int number) {
    if (pid < 2) {
      throw new IllegalArgumentException("refusing to signal pid " + pid);
    }
    return send(pid, number);
  }

  private boolean send(int pid, int number) {
    return table.signalUnlessReaped(pid, p -> libc.kill(p, number) == 0);
  }

  /**
   * Builds the invokers of what the container's start and first kill call (see {@link
   * PosixSpawn#warmUp}): the spawn, the container's pipes, the in-memory files of {@code runc
   * start}, and {@code kill} (signal 0 to ourselves only checks that we exist), so that none of
   * them is paid for on the start path.
   */
  private void warmUp() {
    try {
      posixSpawn.warmUp();
      ContainerPipes.open().close();
      CapturedOutput.open("warm-up").close();
    } catch (IOException | IllegalStateException e) {
      // The first start reports the same failure, where it matters.
    }
    send((int) ownPid, 0);
  }

  private static NativeProcesses start() {
    LinuxLibC libc = NativeLinux.get();
    if (libc.prctl(NativeLinux.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0) {
      throw new IllegalStateException(
          "cannot become child subreaper: " + NativeLinux.describe(NativeLinux.errno()));
    }
    return new NativeProcesses(libc);
  }

  private static final class Holder {
    static final NativeProcesses INSTANCE = start();
  }
}
