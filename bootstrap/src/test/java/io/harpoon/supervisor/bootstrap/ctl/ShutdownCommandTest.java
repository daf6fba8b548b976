package io.harpoon.supervisor.bootstrap.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class ShutdownCommandTest {

  @TempDir Path dir;

  /** Our supervisor: restarting:false at once, then the down state after the exit. */
  private static final FakeSupervisor.Script STOPS =
      peer -> {
        peer.state(WireStates.UP);
        String command = peer.command();
        peer.state(WireStates.UP_GOING_DOWN);
        peer.state(command.equals("kill") ? WireStates.DOWN_KILL : WireStates.DOWN_TERM);
        peer.drain();
      };

  /** Our supervisor with a container that is down for good: every stop or kill is refused. */
  private static final FakeSupervisor.Script REFUSES =
      peer -> {
        peer.state(WireStates.DOWN_EXITED);
        String command = peer.command();
        peer.refuse(command, "the container is not running");
        peer.drain();
      };

  /** The original supervisor with a container that is down: it never answers a command. */
  private static final FakeSupervisor.Script ORIGINAL_DOWN =
      peer -> {
        peer.state(WireStates.DOWN_EXITED);
        peer.drain();
      };

  @Test
  void running_stop_sendsStopAndReportsIt() throws Exception {
    try (FakeSupervisor fake = FakeSupervisor.start(dir, STOPS)) {
      CtlRun run = CtlRun.in(dir, "stop");

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out()).isEqualTo("stop sent\n");
      assertThat(fake.commands()).containsExactly("stop");
    }
  }

  @Test
  void running_stopWait_printsHowTheContainerEnded() throws Exception {
    try (FakeSupervisor fake = FakeSupervisor.start(dir, STOPS)) {
      CtlRun run = CtlRun.in(dir, "stop", "--wait");

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out()).isEqualTo("down, last exit: killed by SIGTERM\n");
    }
  }

  @Test
  void running_killWait_printsSigkill() throws Exception {
    try (FakeSupervisor fake = FakeSupervisor.start(dir, STOPS)) {
      CtlRun run = CtlRun.in(dir, "kill", "--wait");

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out()).isEqualTo("down, last exit: killed by SIGKILL\n");
      assertThat(fake.commands()).containsExactly("kill");
    }
  }

  @Test
  void downForGood_stop_saysAlreadyDownExitsZeroAndSendsNothing() throws Exception {
    try (FakeSupervisor fake = FakeSupervisor.start(dir, REFUSES)) {
      CtlRun run = CtlRun.in(dir, "stop");
      fake.awaitServed(1);

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out()).isEqualTo("already down, last exit: exited 0\n");
      assertThat(run.err()).isEmpty();
      assertThat(fake.commands()).isEmpty();
    }
  }

  @Test
  void failedToStart_killWait_saysAlreadyDownWithTheError() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(dir, peer -> {
          peer.state(WireStates.FAILED);
          peer.drain();
        })) {
      CtlRun run = CtlRun.in(dir, "kill", "--wait");

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out()).startsWith("already down, last exit: none (it failed: restart: ");
    }
  }

  @Test
  void goesDownWhileAsked_refusalThenDownState_isAlreadyDown() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(dir, peer -> {
          peer.state(WireStates.UP);
          String command = peer.command();
          peer.refuse(command, "the container is not running");
          peer.state(WireStates.DOWN_KILL);
          peer.drain();
        })) {
      CtlRun run = CtlRun.in(dir, "kill");

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out()).isEqualTo("already down, last exit: killed by SIGKILL\n");
    }
  }

  @Test
  void refusedWhileUp_stop_exitsRefusedWithTheReasonEscaped() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(dir, peer -> {
          peer.state(WireStates.UP);
          String command = peer.command();
          peer.refuse(command, "busy\\u001b[2J: too many commands waiting");
          peer.drain();
        })) {
      CtlRun run = CtlRun.in(dir, "stop");

      assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
      assertThat(run.exitCode().code()).isEqualTo(1);
      assertThat(run.err())
          .isEqualTo("harpoonctl: stop refused: busy\\x1b[2J: too many commands waiting\n");
    }
  }

  @Test
  void originalSupervisorAlreadyDown_stopWait_saysAlreadyDownAtOnce() throws Exception {
    try (FakeSupervisor fake = FakeSupervisor.start(dir, ORIGINAL_DOWN)) {
      CtlRun run = CtlRun.in(dir, "stop", "--wait");

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out()).isEqualTo("already down, last exit: exited 0\n");
      assertThat(fake.commands()).isEmpty();
    }
  }

  @Test
  void running_stopWithTimeout_waitsAsIfWaitWereGiven() throws Exception {
    try (FakeSupervisor fake = FakeSupervisor.start(dir, STOPS)) {
      CtlRun run = CtlRun.in(dir, "stop", "--timeout", "20s");

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out()).isEqualTo("down, last exit: killed by SIGTERM\n");
    }
  }

  @Test
  void notStartedYetWithRestartPolicyNo_stopWait_waitsForTheRunThatFollows() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.state(WireStates.STARTING_NO_RESTART);
              peer.command();
              // Longer than the answer window: up:false restarting:false must not pass for "down".
              sleep(ShutdownCommand.ANSWER_WINDOW.toMillis() * 2);
              peer.state(WireStates.UP_GOING_DOWN);
              peer.state(WireStates.DOWN_TERM);
              peer.drain();
            })) {
      CtlRun run = CtlRun.in(dir, "stop", "--wait");

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out()).isEqualTo("down, last exit: killed by SIGTERM\n");
    }
  }

  @Test
  void containerIgnoresTerm_stopWait_timesOutNamingTheLastState() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.state(WireStates.UP);
              peer.command();
              peer.state(WireStates.UP_GOING_DOWN);
              peer.drain();
            })) {
      CtlRun run = CtlRun.in(dir, "stop", "--wait", "--timeout", "1500ms");

      assertThat(run.exitCode()).isEqualTo(ExitCode.TIMEOUT);
      assertThat(run.err())
          .isEqualTo(
              "harpoonctl: the container is not down after 1500ms "
                  + "(last state: up, no restart on exit)\n");
    }
  }

  @Test
  void supervisorHangsUpBeforeTheContainerIsDown_stopWait_exitsUnreachable() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.state(WireStates.UP);
              peer.command();
              peer.hangUp();
            })) {
      CtlRun run = CtlRun.in(dir, "stop", "--wait");

      assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
      assertThat(run.err()).contains("closed the connection");
    }
  }

  @Test
  void startingContainer_kill_endsOnTheSilenceOfTheAnswerWindow() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.state(WireStates.STARTING);
              peer.drain();
            })) {
      CtlRun run = CtlRun.in(dir, "kill");

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out()).isEqualTo("kill sent\n");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
