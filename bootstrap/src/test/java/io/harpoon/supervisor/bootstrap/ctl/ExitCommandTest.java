package io.harpoon.supervisor.bootstrap.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class ExitCommandTest {

  @TempDir Path dir;

  @Test
  void containerDown_exit_succeedsOnceTheSocketIsGone() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.state(WireStates.DOWN_TERM);
              if (peer.command().equals("exit")) {
                peer.exitSupervisor();
              }
            })) {
      CtlRun run = CtlRun.in(dir, "exit");

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out()).isEqualTo("supervisor exited\n");
      assertThat(fake.commands()).containsExactly("exit");
      assertThat(dir.resolve("control")).doesNotExist();
    }
  }

  @Test
  void supervisorDiesLeavingAStaleSocket_exit_countsAsExited() throws Exception {
    FakeSupervisor[] self = new FakeSupervisor[1];
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.state(WireStates.DOWN_TERM);
              peer.command();
              self[0].crash();
            })) {
      self[0] = fake;

      CtlRun run = CtlRun.in(dir, "exit");

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(Files.exists(dir.resolve("control"))).as("left behind, stale").isTrue();
    }
  }

  @Test
  void containerUp_exit_printsTheRefusalAndExitsRefused() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.state(WireStates.UP);
              peer.refuse(peer.command(), "the container is up; stop or kill it first");
              peer.drain();
            })) {
      CtlRun run = CtlRun.in(dir, "exit");

      assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
      assertThat(run.err())
          .isEqualTo("harpoonctl: exit refused: the container is up; stop or kill it first\n");
    }
  }

  @Test
  void originalSupervisorWithContainerUp_exit_timesOutAskingWhetherTheContainerIsUp()
      throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.state(WireStates.UP);
              peer.drain();
            })) {
      CtlRun run = CtlRun.in(dir, "exit", "--timeout", "1500ms");

      assertThat(run.exitCode()).isEqualTo(ExitCode.TIMEOUT);
      assertThat(run.err())
          .isEqualTo(
              "harpoonctl: supervisor did not exit within 1500ms "
                  + "(is the container still up? last state: up, restarts on exit)\n");
      assertThat(fake.commands()).containsExactly("exit");
    }
  }

  @Test
  void supervisorHangsUpButKeepsServing_exit_timesOut() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.state(WireStates.DOWN_TERM);
              peer.command();
              peer.hangUp();
            })) {
      CtlRun run = CtlRun.in(dir, "exit", "--timeout", "1500ms");

      assertThat(run.exitCode()).isEqualTo(ExitCode.TIMEOUT);
      assertThat(run.err()).contains("supervisor did not exit within 1500ms");
    }
  }
}
