package io.harpoon.supervisor.adapters.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpoon.supervisor.domain.container.WaitStatus;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The container's own pipes and the relay, with real processes writing into them. */
class ContainerPipesTest {

  private static final Duration BOUND = Duration.ofSeconds(10);
  private static NativeProcesses processes;
  private static LinuxLibC libc;

  private final OutputRelay relay = new OutputRelay(NativeLinux.get());

  @BeforeAll
  static void linuxOnly() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
    processes = NativeProcesses.instance();
    libc = NativeLinux.get();
  }

  @Test
  void childWritingBothStreams_relay_copiesEachToItsTargetAndEndsAtEndOfFile() throws Exception {
    try (CapturedOutput out = CapturedOutput.open("out");
        CapturedOutput err = CapturedOutput.open("err")) {
      int pid;
      try (ContainerPipes pipes = ContainerPipes.open()) {
        pipes.relay(relay, fd(out.output()), fd(err.output()));
        pid = processes.spawn(
            List.of("sh", "-c", "echo hello; echo oops >&2; echo bye"),
            pipes.stdout(), pipes.stderr());
      }
      assertThat(exit(pid)).isEqualTo(new WaitStatus.Exited(0));

      await("the relay ends once the child's ends are closed", () -> !relay.running());
      assertThat(Files.readString(out.path())).isEqualTo("hello\nbye\n");
      assertThat(Files.readString(err.path())).isEqualTo("oops\n");
    }
  }

  @Test
  void child_withPipes_holdsTheirWriteEndsAsStdoutAndStderrAndNothingElse() throws Exception {
    try (CapturedOutput listing = CapturedOutput.open("listing")) {
      int pid;
      String stdout;
      String stderr;
      try (ContainerPipes pipes = ContainerPipes.open()) {
        pipes.relay(relay, fd(listing.output()), fd(listing.output()));
        stdout = target(pipes.stdout());
        stderr = target(pipes.stderr());
        pid = processes.spawn(List.of("ls", "-l", "/proc/self/fd"), pipes.stdout(), pipes.stderr());
      }
      assertThat(exit(pid)).isEqualTo(new WaitStatus.Exited(0));
      await("the relay ends", () -> !relay.running());

      assertThat(Files.readAllLines(listing.path()).stream()
              .filter(line -> line.contains(" -> "))
              .map(line -> line.replaceAll(".* (\\d+) -> ", "$1 ")))
          .containsExactlyInAnyOrder("0 /dev/null", "1 " + stdout, "2 " + stderr,
              "3 /proc/" + pid + "/fd");
      assertThat(stdout).startsWith("pipe:").isNotEqualTo(ownTarget(1));
      assertThat(stderr).startsWith("pipe:").isNotEqualTo(ownTarget(2));
    }
  }

  @Test
  void targetNobodyDrains_relay_stallsTheWriterAndNotTheCaller() throws Exception {
    int[] stuck = new int[2];
    assertThat(libc.pipe2(stuck, ContainerPipes.O_CLOEXEC)).isZero();
    int writer;
    try (ContainerPipes pipes = ContainerPipes.open()) {
      pipes.relay(relay, stuck[1], stuck[1]);
      writer = processes.spawn(List.of("yes"), pipes.stdout(), pipes.stderr());
    }
    try {
      await("yes blocked writing into its full pipe", () -> wchan(writer).contains("pipe_write"));
      long before = System.nanoTime();
      try (ContainerPipes more = ContainerPipes.open()) {
        more.relay(relay, stuck[1], stuck[1]);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
    } finally {
      processes.signal(writer, 9);
    }
    assertThat(exit(writer)).isEqualTo(new WaitStatus.Signaled(9));
    CompletableFuture<Long> drained = drain(stuck[0]);
    await("the relay ends once the stalled output is drained", () -> !relay.running());
    libc.close(stuck[1]);
    assertThat(drained.get(10, TimeUnit.SECONDS)).isGreaterThan(64L * 1024);
  }

  @Test
  void targetWithoutReader_relay_discardsAndTheWriterRunsOn() throws Exception {
    int[] broken = new int[2];
    assertThat(libc.pipe2(broken, ContainerPipes.O_CLOEXEC)).isZero();
    libc.close(broken[0]);
    int writer;
    try (ContainerPipes pipes = ContainerPipes.open()) {
      pipes.relay(relay, broken[1], broken[1]);
      writer = processes.spawn(
          List.of("dd", "if=/dev/zero", "bs=64k", "count=64"), pipes.stdout(), pipes.stderr());
    }

    assertThat(exit(writer)).as("4 MiB written, no SIGPIPE").isEqualTo(new WaitStatus.Exited(0));
    await("the relay ends", () -> !relay.running());
    libc.close(broken[1]);
  }

  private static CompletableFuture<Long> drain(int fd) {
    CompletableFuture<Long> total = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (InputStream in = new FileInputStream("/proc/self/fd/" + fd)) {
        total.complete(in.transferTo(java.io.OutputStream.nullOutputStream()));
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

  private static int fd(Output output) {
    return ((Output.Descriptor) output).fd();
  }

  private static String target(Output output) throws IOException {
    return ownTarget(fd(output));
  }

  private static String ownTarget(int fd) throws IOException {
    return Files.readSymbolicLink(Path.of("/proc/self/fd", Integer.toString(fd))).toString();
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
