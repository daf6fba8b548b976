package io.harpoon.supervisor.adapters.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpoon.supervisor.domain.container.WaitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real short processes; the test JVM is their parent and its reaper reaps them. */
class NativeProcessesTest {

  private static NativeProcesses processes;

  @TempDir Path dir;

  @BeforeAll
  static void linuxOnly() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
    processes = NativeProcesses.instance();
  }

  @Test
  void trueCommand_exits_withStatusZeroAndLeavesNoZombie() throws Exception {
    int pid = processes.spawn(List.of("true"), Output.INHERIT, Output.INHERIT);

    assertThat(exit(pid)).isEqualTo(new WaitStatus.Exited(0));
    assertThat(Path.of("/proc", Integer.toString(pid))).doesNotExist();
  }

  @Test
  void shellExit3_exits_withExited3() throws Exception {
    int pid = processes.spawn(List.of("sh", "-c", "exit 3"), Output.INHERIT, Output.INHERIT);

    assertThat(exit(pid)).isEqualTo(new WaitStatus.Exited(3));
    assertThat(Path.of("/proc", Integer.toString(pid))).doesNotExist();
  }

  @Test
  void shellKillingItself_exits_withSignaled9NotExit137() throws Exception {
    int pid = processes.spawn(List.of("sh", "-c", "kill -9 $$"), Output.INHERIT, Output.INHERIT);

    assertThat(exit(pid)).isEqualTo(new WaitStatus.Signaled(9));
  }

  @Test
  void childAlreadyReaped_onExitRegisteredLater_firesAtOnce() throws Exception {
    int pid = processes.spawn(List.of("sh", "-c", "exit 5"), Output.INHERIT, Output.INHERIT);
    awaitGone(pid);

    assertThat(processes.exitOf(pid).getNow(null)).isEqualTo(new WaitStatus.Exited(5));
  }

  @Test
  void runningChild_signalKill_isObservedAsSignaled9() throws Exception {
    int pid = processes.spawn(List.of("sleep", "100"), Output.INHERIT, Output.INHERIT);

    assertThat(processes.signal(pid, 9)).isTrue();

    assertThat(exit(pid)).isEqualTo(new WaitStatus.Signaled(9));
    assertThat(processes.signal(pid, 9)).as("a reaped pid is never signalled").isFalse();
  }

  @Test
  void orphanedGrandchild_reparentedToUs_isReapedWithItsStatus() throws Exception {
    Path pidFile = dir.resolve("orphan.pid");
    Path fifo = dir.resolve("go");
    // The grandchild outlives its parent (it waits for the fifo), so it is re-parented to us.
    String script =
        "mkfifo " + fifo + "; sh -c 'read x < " + fifo + "; exit 4' & echo $! > " + pidFile;
    int parent = processes.spawn(List.of("sh", "-c", script), Output.INHERIT, Output.INHERIT);
    assertThat(exit(parent)).isEqualTo(new WaitStatus.Exited(0));
    int orphan = Integer.parseInt(Files.readString(pidFile).trim());
    assertThat(ForeignExits.parentOf(orphan)).hasValue(ProcessHandle.current().pid());

    Files.writeString(fifo, "go\n");
    awaitGone(orphan);

    assertThat(processes.exitOf(orphan).getNow(null)).isEqualTo(new WaitStatus.Exited(4));
  }

  @Test
  void outputToInMemoryFiles_spawn_capturesStdoutAndStderrSeparately() throws Exception {
    try (CapturedOutput out = CapturedOutput.open("out");
        CapturedOutput err = CapturedOutput.open("err")) {
      int pid =
          processes.spawn(
              List.of("sh", "-c", "echo hello; echo oops >&2"), out.output(), err.output());

      assertThat(exit(pid)).isEqualTo(new WaitStatus.Exited(0));
      assertThat(Files.readString(out.path())).isEqualTo("hello\n");
      assertThat(Files.readString(err.path())).isEqualTo("oops\n");
    }
  }

  @Test
  void child_spawn_getsDevNullStdinAndNoInheritedDescriptors() throws Exception {
    try (CapturedOutput out = CapturedOutput.open("fds");
        var ignored = Files.newInputStream(Path.of("/proc/self/status"))) {
      int pid =
          processes.spawn(
              List.of("sh", "-c", "readlink /proc/self/fd/0; ls /proc/self/fd"),
              out.output(),
              Output.INHERIT);
      assertThat(exit(pid)).isEqualTo(new WaitStatus.Exited(0));

      List<String> lines = Files.readAllLines(out.path());
      assertThat(lines.get(0)).isEqualTo("/dev/null");
      // 0, 1, 2 and the directory ls reads: nothing of the JVM's.
      assertThat(lines.subList(1, lines.size())).containsExactlyInAnyOrder("0", "1", "2", "3");
    }
  }

  @Test
  void anySpawn_child_startsWithNoSignalBlockedOrIgnored() throws Exception {
    try (CapturedOutput out = CapturedOutput.open("status")) {
      int pid =
          processes.spawn(
              List.of("grep", "-E", "^Sig(Blk|Ign)", "/proc/self/status"),
              out.output(),
              Output.INHERIT);
      assertThat(exit(pid)).isEqualTo(new WaitStatus.Exited(0));

      // glibc's posix_spawn alone leaves its internal signals 32 and 33 ignored (0x180000000).
      assertThat(Files.readAllLines(out.path()))
          .containsExactly("SigBlk:\t0000000000000000", "SigIgn:\t0000000000000000");
    }
  }

  @Test
  void exitListener_awaitingAnotherProcess_failsInsteadOfDeadlocking() throws Exception {
    Path fifo = dir.resolve("go");
    String script = "mkfifo " + fifo + " && touch " + fifo + ".ready && read x < " + fifo;
    int first = processes.spawn(List.of("sh", "-c", script), Output.INHERIT, Output.INHERIT);
    int second = processes.spawn(List.of("sleep", "100"), Output.INHERIT, Output.INHERIT);
    try {
      CompletableFuture<Throwable> failure = new CompletableFuture<>();
      processes.onExit(first, status -> failure.complete(awaitFailure(second)));
      awaitFile(dir.resolve("go.ready"));

      Files.writeString(fifo, "go\n");

      assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
    } finally {
      processes.signal(second, 9);
    }
    assertThat(exit(second)).isEqualTo(new WaitStatus.Signaled(9));
  }

  private static Throwable awaitFailure(int pid) {
    try {
      processes.awaitExit(pid, Duration.ofSeconds(1));
      return null;
    } catch (Exception e) {
      return e;
    }
  }

  @Test
  void pidThatKillReadsAsAGroup_signal_isRefused() {
    assertThatThrownBy(() -> processes.signal(0, 9)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> processes.signal(-1, 9)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> processes.signal(1, 9)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unknownCommand_spawn_failsWithTheReason() {
    assertThatThrownBy(
            () -> processes.spawn(List.of("no-such-command-xyz"), Output.INHERIT, Output.INHERIT))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no-such-command-xyz");
  }

  @Test
  void noChildrenLeft_reaper_blocksWithoutPolling() throws Exception {
    int pid = processes.spawn(List.of("true"), Output.INHERIT, Output.INHERIT);
    exit(pid);
    Thread reaper =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals("child-reaper"))
            .findFirst()
            .orElseThrow();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (reaper.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }

    assertThat(reaper.getState()).isEqualTo(Thread.State.WAITING);
  }

  @Test
  void processThatIsNotOurChild_onExit_reportsUnknownWhenItEnds() throws Exception {
    Path pidFile = dir.resolve("foreign.pid");
    // The sleep's parent, the outer sh, stays alive until the fifo is written: not our child.
    Path fifo = dir.resolve("go");
    int holder =
        processes.spawn(
            List.of(
                "sh",
                "-c",
                "mkfifo "
                    + fifo
                    + "; sleep 100 & echo $! > "
                    + pidFile
                    + "; read x < "
                    + fifo
                    + "; kill $!; wait"),
            Output.INHERIT,
            Output.INHERIT);
    awaitContent(pidFile);
    int foreign = Integer.parseInt(Files.readString(pidFile).trim());
    var exit = processes.exitOf(foreign);
    assertThat(exit).isNotDone();

    Files.writeString(fifo, "go\n");

    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(new WaitStatus.Unknown());
    assertThat(exit(holder)).isEqualTo(new WaitStatus.Exited(0));
  }

  private static WaitStatus exit(int pid) throws Exception {
    return processes.exitOf(pid).get(10, TimeUnit.SECONDS);
  }

  private static void awaitGone(int pid) throws InterruptedException {
    Path proc = Path.of("/proc", Integer.toString(pid));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (Files.exists(proc) && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    assertThat(proc).doesNotExist();
  }

  private static void awaitFile(Path file) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Files.exists(file) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(file).exists();
  }

  private static void awaitContent(Path file) throws Exception {
    awaitFile(file);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (Files.readString(file).isBlank() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(file).isNotEmptyFile();
  }
}
