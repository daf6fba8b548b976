package io.harpoon.supervisor.adapters.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpoon.supervisor.domain.container.WaitStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CapturedOutputTest {

  @BeforeAll
  static void linuxOnly() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
  }

  @Test
  void childAppendingThroughThePath_read_seesEveryLineInOrder() throws Exception {
    NativeProcesses processes = NativeProcesses.instance();
    try (CapturedOutput log = CapturedOutput.open("log");
        CapturedOutput err = CapturedOutput.open("err")) {
      // As a runtime's --log: the child opens the path itself (O_APPEND), beside its own stderr.
      String script = "echo one >> " + log.path() + "; echo oops >&2; echo two >> " + log.path();
      int pid = processes.spawn(List.of("sh", "-c", script), Output.INHERIT, err.output());

      assertThat(processes.exitOf(pid).get(10, TimeUnit.SECONDS))
          .isEqualTo(new WaitStatus.Exited(0));
      assertThat(Files.readString(log.path())).isEqualTo("one\ntwo\n");
      assertThat(Files.readString(err.path())).isEqualTo("oops\n");
    }
  }

  @Test
  void closed_path_isGoneAndNothingWasWrittenToAFileSystem() throws Exception {
    Path path;
    try (CapturedOutput out = CapturedOutput.open("gone")) {
      path = out.path();
      Files.writeString(path, "in memory");
      assertThat(Files.readSymbolicLink(path).toString()).isEqualTo("/memfd:gone (deleted)");
    }

    assertThat(path).doesNotExist();
  }
}
