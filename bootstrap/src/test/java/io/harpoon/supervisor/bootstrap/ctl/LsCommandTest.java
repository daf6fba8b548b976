package io.harpoon.supervisor.bootstrap.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.harpoon.supervisor.adapters.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class LsCommandTest {

  @TempDir Path root;

  @Test
  void severalSupervisors_ls_oneTableRowEachAndTheWorstExitCode() throws Exception {
    Path web = Files.createDirectory(root.resolve("web-1"));
    Path job = Files.createDirectory(root.resolve("job-1"));
    Path gone = Files.createDirectory(root.resolve("gone"));
    try (FakeSupervisor a = FakeSupervisor.start(web,
            WireStatus.answering(WireStates.UP, WireStatus.RUNNING));
        FakeSupervisor b = FakeSupervisor.start(job,
            WireStatus.answering(WireStates.DOWN_KILL, WireStatus.DOWN.replace("web-1", "job-1")))) {
      CtlRun run = CtlRun.of("ls", web.toString(), job.toString(), gone.toString());

      assertThat(run.out()).isEqualTo(""
          + "ID     STATE        PID   UP     RESTARTS  OOMS  MEM\n"
          + "web-1  running      4242  3m12s  2         1     12.3 MiB / 64 MiB\n"
          + "job-1  exited       -     -      2         1     12.3 MiB / 64 MiB\n"
          + "gone   unreachable  -     -      -         -     -\n");
      assertThat(run.err()).startsWith("harpoonctl: " + gone + ": no control socket at ");
      assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
    }
  }

  @Test
  void allUp_ls_exitsZero() throws Exception {
    Path web = Files.createDirectory(root.resolve("web-1"));
    try (FakeSupervisor a = FakeSupervisor.start(web,
        WireStatus.answering(WireStates.UP, WireStatus.RUNNING))) {
      assertThat(CtlRun.of("ls", root + "/*").exitCode()).isEqualTo(ExitCode.OK);
    }
  }

  @Test
  void json_oneObjectPerDirectory() throws Exception {
    Path web = Files.createDirectory(root.resolve("web-1"));
    Path gone = Files.createDirectory(root.resolve("gone"));
    try (FakeSupervisor a = FakeSupervisor.start(web,
        WireStatus.answering(WireStates.UP, WireStatus.RUNNING))) {
      CtlRun run = CtlRun.of("ls", "--json", web.toString(), gone.toString());

      List<String> lines = run.out().lines().toList();
      assertThat(lines).hasSize(2);
      JsonNode first = Json.mapper().readTree(lines.get(0));
      JsonNode second = Json.mapper().readTree(lines.get(1));
      assertThat(first.path("dir").asText()).isEqualTo(web.toString());
      assertThat(first.path("up").asBoolean()).isTrue();
      assertThat(first.path("status").path("pid").asInt()).isEqualTo(4242);
      assertThat(second.path("error").asText()).startsWith("no control socket at ");
      assertThat(second.path("exit_code").asInt()).isEqualTo(ExitCode.UNREACHABLE.code());
    }
  }

  @Test
  void aSupervisorThatNeverAnswers_ls_showsItWithinTheTimeout() throws Exception {
    Path mute = Files.createDirectory(root.resolve("mute"));
    Path web = Files.createDirectory(root.resolve("web-1"));
    try (FakeSupervisor silent = FakeSupervisor.start(mute, peer -> peer.drain());
        FakeSupervisor a = FakeSupervisor.start(web,
            WireStatus.answering(WireStates.UP, WireStatus.RUNNING))) {
      long start = System.nanoTime();
      CtlRun run = CtlRun.of("ls", "--timeout", "500ms", mute.toString(), web.toString());
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(run.out()).contains("mute   no answer").contains("web-1  running");
      assertThat(run.exitCode()).isEqualTo(ExitCode.TIMEOUT);
      assertThat(millis).isLessThan(5_000);
    }
  }
}
