package io.harpoon.supervisor.adapters.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpoon.supervisor.adapters.posix.NativeProcesses;
import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's command line around the container's output: a shell stands in for the runtime. */
class RuntimeCliTest {

  @TempDir Path dir;

  @BeforeEach
  void linuxOnly() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
  }

  @Test
  void commandWritingBothStreams_runWithContainerOutput_leavesThisProcessNoEndOfThePipes()
      throws Exception {
    // The "runtime" leaves a child behind that keeps the pipes open, as runc leaves the container.
    Path pids = dir.resolve("pids");
    RuntimeCli cli = shellRuntime("(sleep 100 & echo $! > " + pids + ") ; exit 0");
    long before = pipeDescriptors();

    RuntimeResult result = cli.runWithContainerOutput(List.of("create"), dir.resolve("log"),
        new InFlight());

    assertThat(result.succeeded()).isTrue();
    assertThat(pipeDescriptors()).as("pipe ends held by this process").isEqualTo(before);
    NativeProcesses.instance().signal(Integer.parseInt(Files.readString(pids).strip()), 9);
  }

  @Test
  void relayThatCannotBeStarted_runWithContainerOutput_failsTransientlyWithoutRunningTheCommand()
      throws Exception {
    Path ran = dir.resolve("ran");
    RuntimeCli cli = new RuntimeCli("sh", List.of("-c", "touch " + ran, "sh"),
        NativeProcesses.instance(), "no-such-relay-program");
    long before = pipeDescriptors();

    RuntimeFailure failure = catchThrowableOfType(
        () -> cli.runWithContainerOutput(List.of("create"), dir.resolve("log"), new InFlight()),
        RuntimeFailure.class);

    assertThat(failure.getMessage()).startsWith("cannot start the output relay: cannot start "
        + "no-such-relay-program: No such file or directory");
    assertThat(failure.permanent()).as("transient: the start is retried with the back-off")
        .isFalse();
    assertThat(ran).as("the command never ran").doesNotExist();
    assertThat(pipeDescriptors()).as("pipe ends left open").isEqualTo(before);
  }

  /** A runtime that runs {@code script}, ignoring the runtime flags it is given. */
  private static RuntimeCli shellRuntime(String script) {
    return new RuntimeCli("sh", List.of("-c", script, "sh"), NativeProcesses.instance());
  }

  private static long pipeDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(fd -> {
        try {
          return Files.readSymbolicLink(fd).toString().startsWith("pipe:");
        } catch (IOException closedMeanwhile) {
          return false;
        }
      }).count();
    }
  }
}
