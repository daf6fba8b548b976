package io.harpoon.supervisor.bootstrap.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.harpoon.supervisor.adapters.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class StatusCommandTest {

  @TempDir Path dir;

  @Test
  void running_status_showsIdPidsUptimeAndExitsZero() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(dir, WireStatus.answering(WireStates.UP, WireStatus.RUNNING))) {
      CtlRun run = CtlRun.in(dir, "status");

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out())
          .isEqualTo(
              ""
                  + "id          web-1\n"
                  + "state       running, up 3m12s (since 2026-11-28T05:43:28Z)\n"
                  + "pid         4242\n"
                  + "supervisor  pid 4200\n"
                  + "policy      restart on-failure\n"
                  + "restarts    2\n"
                  + "ooms        1\n"
                  + "last exit   none\n"
                  + "cpu time    1.235 s\n"
                  + "memory      12.3 MiB / 64 MiB\n");
      assertThat(run.err()).isEmpty();
    }
  }

  @Test
  void backoff_status_saysWhenItRestartsAndExitsThree() throws Exception {
    String crashed = WireStates.state(false, true, "", "{\"exited\":true,\"exit_status\":3}", 2, 1)
        .replace("\"memory_limit\":67108864", "\"memory_limit\":0");
    try (FakeSupervisor fake =
        FakeSupervisor.start(dir, WireStatus.answering(crashed, WireStatus.BACKOFF))) {
      CtlRun run = CtlRun.in(dir, "status");

      assertThat(run.exitCode()).isEqualTo(ExitCode.DOWN);
      assertThat(run.exitCode().code()).isEqualTo(3);
      assertThat(run.out())
          .contains("state       restarting in 4 s (down since 2026-11-28T05:46:38Z)\n")
          .contains("last exit   exited 3\n")
          .contains("memory      12.3 MiB / 64 MiB (configured)\n")
          .doesNotContain("pid         ");
    }
  }

  @Test
  void exited_status_saysDownSinceWhenAndExitsThree() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(dir, WireStatus.answering(WireStates.DOWN_KILL, WireStatus.DOWN))) {
      CtlRun run = CtlRun.in(dir, "status");

      assertThat(run.exitCode()).isEqualTo(ExitCode.DOWN);
      assertThat(run.out())
          .contains("state       exited, down since 2026-11-28T05:42:40Z (4m0s ago)\n")
          .contains("last exit   killed by SIGKILL\n");
    }
  }

  @Test
  void failedConfig_status_showsTheErrorAndExitsFour() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(dir, WireStatus.answering(WireStates.FAILED, WireStatus.FAILED))) {
      CtlRun run = CtlRun.in(dir, "status");

      assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
      assertThat(run.exitCode().code()).isEqualTo(4);
      assertThat(run.out())
          .contains("state       failed since 2026-11-28T05:46:00Z (40s ago)\n")
          .contains("error       restart: 'sometimes' is not one of no, on-failure, always\n");
    }
  }

  @Test
  void errWithEscapeSequences_status_printsThemEscaped() throws Exception {
    String hostile = WireStates.state(false, false,
        "runc: \\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202egnp.exe", "{}", 0, 0);
    try (FakeSupervisor fake =
        FakeSupervisor.start(dir, WireStatus.answering(hostile, WireStatus.FAILED))) {
      CtlRun run = CtlRun.in(dir, "status");
      CtlRun json = CtlRun.in(dir, "status", "--json");

      assertThat(run.out())
          .contains("error       runc: \\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\u202egnp.exe\n")
          .doesNotContain("\u001b", "\u0007", "\u009b", "\u202e");
      assertThat(json.out()).contains("\\u001B]0;pwned").contains("\\u009b31m\\u202egnp")
          .doesNotContain("\u001b", "\u009b", "\u202e");
    }
  }

  @Test
  void json_theStateAsSentWithTheStatusAdded() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(dir, WireStatus.answering(WireStates.UP, WireStatus.RUNNING))) {
      CtlRun run = CtlRun.in(dir, "status", "--json");

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out())
          .isEqualTo(WireStates.UP.substring(0, WireStates.UP.length() - 1)
              + ",\"status\":" + WireStatus.RUNNING + "}\n");
      JsonNode json = Json.mapper().readTree(run.out());
      assertThat(json.path("up").asBoolean()).isTrue();
      assertThat(json.path("status").path("pid").asInt()).isEqualTo(4242);
    }
  }

  @Test
  void olderSupervisorRefusesTheRequest_status_showsTheStateAlone() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.state(WireStates.UP);
              peer.refuse(peer.command(), "unknown command");
              peer.drain();
            })) {
      CtlRun run = CtlRun.in(dir, "status");
      CtlRun json = CtlRun.in(dir, "status", "--json");

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out()).startsWith("state       running\nrestarts    2\n");
      assertThat(json.out()).isEqualTo(WireStates.UP + "\n");
    }
  }

  @Test
  void originalSupervisorIgnoresTheRequest_status_showsTheStateAfterTheWindow() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.send("\uFEFF: hello\r\nevent: state\r\ndata: " + WireStates.DOWN_EXITED + "\r\n\r\n");
              peer.drain();
            })) {
      long start = System.nanoTime();
      CtlRun run = CtlRun.in(dir, "status");
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(run.exitCode()).isEqualTo(ExitCode.DOWN);
      assertThat(run.out()).startsWith("state       exited\n").contains("last exit   exited 0\n");
      assertThat(millis).isGreaterThanOrEqualTo(StatusQuery.ANSWER_WINDOW.toMillis());
    }
  }

  @Test
  void status_sendsTheStatusRequestAndNoCommand() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(dir, WireStatus.answering(WireStates.UP, WireStatus.RUNNING))) {
      CtlRun.in(dir, "status");
      CtlRun.in(dir, "status", "--json");
      fake.awaitServed(2);

      assertThat(fake.commands()).containsExactly("status", "status");
    }
  }
}
