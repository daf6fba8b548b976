package io.harpoon.supervisor.bootstrap.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class StatusCommandTest {

  @TempDir Path dir;

  @Test
  void runningContainer_status_printsASummaryWithUnits() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.state(WireStates.UP);
              peer.drain();
            })) {
      CtlRun run = CtlRun.in(dir, "status");

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out())
          .isEqualTo(
              ""
                  + "container   up, restarts on exit\n"
                  + "restarts    2\n"
                  + "ooms        1\n"
                  + "last exit   none\n"
                  + "cpu time    1.235 s\n"
                  + "memory      12.3 MiB / 64 MiB\n");
      assertThat(run.err()).isEmpty();
    }
  }

  @Test
  void failedConfig_status_showsTheError() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.state(WireStates.FAILED);
              peer.drain();
            })) {
      CtlRun run = CtlRun.in(dir, "status");

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out())
          .startsWith(
              "container   down\n"
                  + "error       restart: 'sometimes' is not one of no, on-failure, always\n");
    }
  }

  @Test
  void json_printsTheStateExactlyAsSent() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.state(WireStates.DOWN_KILL);
              peer.drain();
            })) {
      CtlRun run = CtlRun.in(dir, "status", "--json");

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out()).isEqualTo(WireStates.DOWN_KILL + "\n");
    }
  }

  @Test
  void crlfFramingWithBomAndComments_status_decodesLikeTheServer() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.send(
                  "\uFEFF: hello\r\nevent: state\r\ndata: " + WireStates.DOWN_EXITED + "\r\n\r\n");
              peer.drain();
            })) {
      CtlRun run = CtlRun.in(dir, "status");

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out()).contains("last exit   exited 0\n");
    }
  }

  @Test
  void status_sendsNoCommand() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.state(WireStates.UP);
              peer.drain();
            })) {
      CtlRun.in(dir, "status");
      CtlRun.in(dir, "status", "--json");
      fake.awaitServed(2);

      assertThat(fake.commands()).isEmpty();
    }
  }
}
