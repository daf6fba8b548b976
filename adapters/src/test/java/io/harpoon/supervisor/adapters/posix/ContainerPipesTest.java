package io.harpoon.supervisor.adapters.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpoon.supervisor.domain.container.WaitStatus;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The container's own pipes and their relay processes ({@code cat}), with real processes writing
 * into them. The test JVM plays the supervisor: it spawns and reaps the relays.
 */
class ContainerPipesTest {

  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final WaitStatus SIGPIPE = new WaitStatus.Signaled(13);
  private static NativeProcesses processes;
  private static LinuxLibC libc;

  @BeforeAll
  static void linuxOnly() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
    processes = NativeProcesses.instance();
    libc = NativeLinux.get();
  }

  @Test
  void childWritingBothStreams_relays_copyEachToItsTargetAndEndAtEndOfFile() throws Exception {
    try (CapturedOutput out = CapturedOutput.open("out");
        CapturedOutput err = CapturedOutput.open("err")) {
      int pid;
      List<Integer> relays;
      try (ContainerPipes pipes = ContainerPipes.open()) {
        relays = pipes.relay(processes, ContainerPipes.RELAY, out.output(), err.output());
        pid = processes.spawn(
            List.of("sh", "-c", "echo hello; echo oops >&2; echo bye"),
            pipes.stdout(), pipes.stderr());
      }
      assertThat(exit(pid)).isEqualTo(new WaitStatus.Exited(0));

      assertThat(relays).hasSize(2);
      for (int relay : relays) {
        assertThat(exit(relay)).as("relay %d ends at end of file", relay)
            .isEqualTo(new WaitStatus.Exited(0));
      }
      assertThat(Files.readString(out.path())).isEqualTo("hello\nbye\n");
      assertThat(Files.readString(err.path())).isEqualTo("oops\n");
    }
  }

  @Test
  void relays_holdOnlyTheirPipeTheirTargetAndStderr_inASessionOfTheirOwn() throws Exception {
    try (CapturedOutput out = CapturedOutput.open("out");
        CapturedOutput err = CapturedOutput.open("err");
        ServerSocketChannel socket = ServerSocketChannel.open();
        ContainerPipes pipes = ContainerPipes.open()) {
      String stdoutPipe = target(pipes.stdout());
      String stderrPipe = target(pipes.stderr());
      List<Integer> relays =
          pipes.relay(processes, ContainerPipes.RELAY, out.output(), err.output());

      // The write ends are still open here, so both relays come to wait in read(2) on their pipe,
      // once their start-up (which may open locale files) is over.
      for (int relay : relays) {
        await("relay " + relay + " waiting for input", () -> wchan(relay).contains("pipe_read"));
      }
      assertThat(descriptors(relays.get(0))).as("the stdout relay's descriptors")
          .isEqualTo(Map.of(
              "0", stdoutPipe, "1", target(out.output()), "2", ownTarget(2)));
      assertThat(descriptors(relays.get(1))).as("the stderr relay's descriptors")
          .isEqualTo(Map.of(
              "0", stderrPipe, "1", target(err.output()), "2", ownTarget(2)));
      String ownSession = statField(ProcessHandle.current().pid(), 6);
      for (int relay : relays) {
        assertThat(statField(relay, 5)).as("process group of %d", relay).isEqualTo("" + relay);
        assertThat(statField(relay, 6)).as("session of %d", relay).isEqualTo("" + relay)
            .isNotEqualTo(ownSession);
      }
      pipes.close();
      for (int relay : relays) {
        assertThat(exit(relay)).isEqualTo(new WaitStatus.Exited(0));
      }
    }
  }

  @Test
  void relaysRunning_thisProcess_holdsNoEndOfEitherPipe() throws Exception {
    try (CapturedOutput out = CapturedOutput.open("out")) {
      int writer;
      List<Integer> relays;
      List<String> pipeInodes;
      try (ContainerPipes pipes = ContainerPipes.open()) {
        pipeInodes = List.of(target(pipes.stdout()), target(pipes.stderr()));
        relays = pipes.relay(processes, ContainerPipes.RELAY, out.output(), out.output());
        writer = processes.spawn(List.of("sh", "-c", "echo ready; exec sleep 100"),
            pipes.stdout(), pipes.stderr());
      }
      await("the writer's line relayed", () -> read(out.path()).equals("ready\n"));

      assertThat(descriptors(ProcessHandle.current().pid()).values())
          .as("what would die with the supervisor: no reader of the container's output")
          .doesNotContainAnyElementsOf(pipeInodes);
      assertThat(relays).allMatch(relay -> Files.exists(Path.of("/proc/" + relay)));
      processes.signal(writer, 9);
      assertThat(exit(writer)).isEqualTo(new WaitStatus.Signaled(9));
      for (int relay : relays) {
        assertThat(exit(relay)).isEqualTo(new WaitStatus.Exited(0));
      }
    }
  }

  @Test
  void targetNobodyDrains_relay_stallsTheWriterAndNotTheCaller() throws Exception {
    int[] stuck = new int[2];
    assertThat(libc.pipe2(stuck, ContainerPipes.O_CLOEXEC)).isZero();
    Output target = Output.descriptor(stuck[1]);
    int writer;
    List<Integer> relays;
    try (ContainerPipes pipes = ContainerPipes.open()) {
      relays = pipes.relay(processes, ContainerPipes.RELAY, target, target);
      writer = processes.spawn(List.of("yes"), pipes.stdout(), pipes.stderr());
    }
    List<Integer> more;
    try {
      await("yes blocked writing into its full pipe", () -> wchan(writer).contains("pipe_write"));
      await("its relay blocked writing into the undrained target",
          () -> wchan(relays.get(0)).contains("pipe_write"));
      long before = System.nanoTime();
      try (ContainerPipes next = ContainerPipes.open()) {
        more = next.relay(processes, ContainerPipes.RELAY, target, target);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
    } finally {
      processes.signal(writer, 9);
    }
    assertThat(exit(writer)).isEqualTo(new WaitStatus.Signaled(9));
    CompletableFuture<Long> drained = drain(stuck[0]);
    for (int relay : Stream.concat(relays.stream(), more.stream()).toList()) {
      assertThat(exit(relay)).as("relay %d ends once its output is drained", relay)
          .isEqualTo(new WaitStatus.Exited(0));
    }
    libc.close(stuck[1]);
    assertThat(drained.get(10, TimeUnit.SECONDS)).isGreaterThan(64L * 1024);
  }

  @Test
  void targetWithoutReader_relay_endsAndTheWritersNextWriteFailsWithEpipe() throws Exception {
    int[] broken = new int[2];
    assertThat(libc.pipe2(broken, ContainerPipes.O_CLOEXEC)).isZero();
    libc.close(broken[0]);
    Output target = Output.descriptor(broken[1]);
    int writer;
    List<Integer> relays;
    try (ContainerPipes pipes = ContainerPipes.open()) {
      relays = pipes.relay(processes, ContainerPipes.RELAY, target, target);
      writer = processes.spawn(
          List.of("dd", "if=/dev/zero", "bs=64k", "count=64"), pipes.stdout(), pipes.stderr());
    }

    // As when the container wrote into the dead pipe itself: docs/operations.md, Logs.
    assertThat(exit(relays.get(0))).as("the stdout relay").isEqualTo(SIGPIPE);
    assertThat(exit(writer)).as("the writer, after its pipe lost its reader").isEqualTo(SIGPIPE);
    libc.close(broken[1]);
  }

  @Test
  void relayThatCannotBeStarted_relay_failsClearlyAndHoldsNoReadEnd() throws Exception {
    try (ContainerPipes pipes = ContainerPipes.open()) {
      String stdoutPipe = target(pipes.stdout());

      assertThatThrownBy(() -> pipes.relay(processes, "no-such-relay-program"))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("cannot start the output relay: cannot start "
              + "no-such-relay-program: No such file or directory");
      long ends = descriptors(ProcessHandle.current().pid()).values().stream()
          .filter(stdoutPipe::equals).count();
      assertThat(ends).as("only the write end is left, until close").isEqualTo(1);
    }
  }

  private static CompletableFuture<Long> drain(int fd) {
    CompletableFuture<Long> total = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (InputStream in = new FileInputStream("/proc/self/fd/" + fd)) {
        total.complete(in.transferTo(OutputStream.nullOutputStream()));
      } catch (IOException e) {
        total.completeExceptionally(e);
      } finally {
        libc.close(fd);
      }
    }, "test-drain");
    reader.setDaemon(true);
    reader.start();
    return total;
  }

  /** {@code /proc/PID/fd}: each descriptor and what it is, e.g. {@code 0 -> pipe:[123]}. */
  private static Map<String, String> descriptors(long pid) throws IOException {
    Map<String, String> fds = new TreeMap<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path entry : entries.toList()) {
        try {
          fds.put(entry.getFileName().toString(), Files.readSymbolicLink(entry).toString());
        } catch (IOException closedMeanwhile) {
          // A descriptor of another thread of ours that was closed after the listing.
        }
      }
    }
    return fds;
  }

  /** Field {@code n} (1-based, as in proc(5)) of {@code /proc/PID/stat}. */
  private static String statField(long pid, int n) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return afterName[n - 3];
  }

  private static String target(Output output) throws IOException {
    return ownTarget(((Output.Descriptor) output).fd());
  }

  private static String ownTarget(int fd) throws IOException {
    return Files.readSymbolicLink(Path.of("/proc/self/fd", Integer.toString(fd))).toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  private static String wchan(int pid) {
    try {
      return Files.readString(Path.of("/proc", Integer.toString(pid), "wchan"));
    } catch (IOException e) {
      return "";
    }
  }

  private static WaitStatus exit(int pid) throws Exception {
    return processes.exitOf(pid).get(10, TimeUnit.SECONDS);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }
}
