package io.harpoon.supervisor.adapters.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.adapters.control.RecordingLog;
import io.harpoon.supervisor.adapters.json.StateJson;
import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.lifecycle.Checkpoint;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import io.harpoon.supervisor.domain.lifecycle.Goal;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateJournalTest {

  private static final ContainerProcessState UP =
      new ContainerProcessState(true, true, "", ExitStatus.NONE, 0, 0, Metrics.ZERO);
  private static final ContainerProcessState DOWN =
      new ContainerProcessState(
          false, false, "", new ExitStatus.Signaled(9), 2, 1, new Metrics(5, 6, 7));

  @TempDir Path runDir;
  private final RecordingLog log = new RecordingLog();

  private static Checkpoint checkpoint(ContainerProcessState state, int pid, long oomBaseline, long cpu) {
    return new Checkpoint(state, pid, oomBaseline, cpu, Goal.UP, Instant.EPOCH);
  }

  private FileStateJournal journal() {
    return new FileStateJournal(runDir, log);
  }

  @Test
  void record_thenLast_returnsTheEntry() {
    Checkpoint entry = checkpoint(DOWN, 0, 3, 123_000);
    journal().record(checkpoint(UP, 77, 3, 0));
    journal().record(entry);
    assertThat(new FileStateJournal(runDir, log).last()).contains(entry);
    assertThat(log.warnings()).isEmpty();
  }

  @Test
  void record_writesDocumentedFormat_mode0600_noTempLeft() throws Exception {
    journal().record(checkpoint(DOWN, 0, 3, 9));
    Path file = runDir.resolve("state.json");
    assertThat(file)
        .hasContent(
            "{\"version\":1,\"state\":" + StateJson.encode(DOWN)
                + ",\"pid\":0,\"oom_baseline\":3,\"cpu_base\":9,\"goal\":\"up\",\"goal_since\":0}");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    try (Stream<Path> entries = Files.list(runDir)) {
      assertThat(entries).containsExactly(file);
    }
  }

  @Test
  void stopUnderWay_recordThenLast_keepsTheGoalAndWhenItWasSet() {
    Checkpoint stopping = new Checkpoint(UP, 77, 0, 0, Goal.STOP, Instant.ofEpochMilli(1_733_616_000_123L));
    journal().record(stopping);
    assertThat(journal().last()).contains(stopping);
  }

  @Test
  void journalOfAnOlderSupervisor_withoutGoal_readsAsUp() throws Exception {
    Files.writeString(runDir.resolve("state.json"), "{\"version\":1,\"state\":" + StateJson.encode(UP)
        + ",\"pid\":77,\"oom_baseline\":1,\"cpu_base\":2}");
    assertThat(journal().last()).contains(new Checkpoint(UP, 77, 1, 2, Goal.UP, Instant.EPOCH));
  }

  @Test
  void leftoverTempFile_fromACrash_isReplaced() throws Exception {
    Files.writeString(runDir.resolve("state.json.tmp"), "torn");
    journal().record(checkpoint(DOWN, 0, 0, 0));
    assertThat(runDir.resolve("state.json.tmp")).doesNotExist();
    assertThat(journal().last()).isPresent();
  }

  @Test
  void noFile_orGarbage_orOtherVersion_lastIsEmpty() throws Exception {
    assertThat(journal().last()).isEmpty();
    Path file = runDir.resolve("state.json");
    for (String content :
        new String[] {"", "null", "[1]", "{\"state\":", "{\"version\":2,\"state\":{}}", "\u0000\u00ff",
          "{\"version\":1,\"pid\":-1,\"state\":" + StateJson.encode(DOWN) + "}",
          "{\"version\":1,\"goal\":\"sideways\",\"state\":" + StateJson.encode(DOWN) + "}"}) {
      Files.writeString(file, content);
      assertThat(journal().last()).as(content).isEmpty();
    }
  }

  @Test
  void unwritableRunDir_recordDoesNotThrow_warns() {
    FileStateJournal nowhere = new FileStateJournal(runDir.resolve("missing"), log);
    nowhere.record(checkpoint(DOWN, 0, 0, 0));
    assertThat(log.warnings()).singleElement().asString().contains("could not record the state");
  }
}
