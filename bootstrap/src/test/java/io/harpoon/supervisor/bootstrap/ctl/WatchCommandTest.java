package io.harpoon.supervisor.bootstrap.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class WatchCommandTest {

  @TempDir Path dir;

  /** A container that crashes, is restarted, and is stopped; the supervisor then exits. */
  private static final FakeSupervisor.Script LIFE =
      peer -> {
        peer.state(WireStates.UP);
        peer.state(WireStates.UP);
        peer.state(WireStates.state(false, true, "", "{\"exited\":true,\"exit_status\":3}", 2, 1));
        peer.state(WireStates.UP_GOING_DOWN);
        peer.state(WireStates.DOWN_TERM);
        peer.exitSupervisor();
      };

  @Test
  void stateChanges_watch_printOneStampedLineEachUntilTheSupervisorExits() throws Exception {
    try (FakeSupervisor fake = FakeSupervisor.start(dir, LIFE)) {
      CtlRun run = CtlRun.in(dir, "watch");

      String stamp = "2026-11-28T05:46:40.123Z ";
      String tail = " | cpu 1.235 s | memory 12.3 MiB / 64 MiB\n";
      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out())
          .isEqualTo(
              ""
                  + stamp
                  + "up, restarts on exit | restarts 2 | ooms 1 | last exit: none"
                  + tail
                  + stamp
                  + "down, restarting | restarts 2 | ooms 1 | last exit: exited 3"
                  + tail
                  + stamp
                  + "up, no restart on exit | restarts 2 | ooms 1 | last exit: none"
                  + tail
                  + stamp
                  + "down | restarts 2 | ooms 1 | last exit: killed by SIGTERM"
                  + tail);
      assertThat(run.err()).isEqualTo("harpoonctl: the supervisor closed the connection\n");
    }
  }

  @Test
  void raw_printsTheStreamByteForByte() throws Exception {
    String stream =
        "event: state\ndata: "
            + WireStates.UP
            + "\n\n"
            + ": a comment\r\nevent: state\r\ndata: "
            + WireStates.DOWN_TERM
            + "\r\n\r\n";
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.send(stream);
              peer.exitSupervisor();
            })) {
      CtlRun run = CtlRun.in(dir, "watch", "--raw");

      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(run.out()).isEqualTo(stream.replace("\r", "\\x0d"));
    }
  }

  @Test
  void raw_controlsFromTheSocket_areEscapedEvenSplitAcrossReads() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.state(WireStates.UP);
              peer.send("event: x\ndata: \u001b]0;owned\u0007 \u00c2");
              peer.send("\u009b2J \u202e\u00e9\n\n");
              peer.exitSupervisor();
            })) {
      CtlRun run = CtlRun.in(dir, "watch", "--raw");

      assertThat(run.out())
          .endsWith("event: x\ndata: \\x1b]0;owned\\x07 \u00c2\\x9b2J \\u202e\u00e9\n\n")
          .doesNotContain("\u001b", "\u0007", "\u009b", "\u202e");
    }
  }

  @Test
  void metricsSamples_watch_printedOnlyWithSamples() throws Exception {
    FakeSupervisor.Script samples =
        peer -> {
          peer.state(WireStates.UP);
          peer.state(WireStates.UP.replace("1234567890", "1334567890"));
          peer.state(WireStates.UP.replace("1234567890", "1434567890"));
          peer.exitSupervisor();
        };
    try (FakeSupervisor fake = FakeSupervisor.start(dir, samples)) {
      assertThat(CtlRun.in(dir, "watch").out().lines()).hasSize(1);
    }
    try (FakeSupervisor fake = FakeSupervisor.start(dir, samples)) {
      assertThat(CtlRun.in(dir, "watch", "--samples").out().lines())
          .hasSize(3)
          .last()
          .asString()
          .contains("cpu 1.435 s");
    }
  }

  @Test
  void errorRepliesAndUnknownEvents_watch_areSkipped() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.state(WireStates.UP);
              peer.send("event: metrics\ndata: {}\n\n");
              peer.refuse("stop", "not for you");
              peer.state(WireStates.DOWN_KILL);
              peer.exitSupervisor();
            })) {
      CtlRun run = CtlRun.in(dir, "watch");

      assertThat(run.out().lines()).hasSize(2);
      assertThat(run.out()).contains("last exit: killed by SIGKILL");
    }
  }

  @Test
  void malformedStateMidStream_watch_exitsNotASupervisor() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.state(WireStates.UP);
              peer.send("event: state\ndata: {\"up\":\"maybe\"}\n\n");
              peer.drain();
            })) {
      CtlRun run = CtlRun.in(dir, "watch");

      assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_A_SUPERVISOR);
      assertThat(run.out().lines()).hasSize(1);
    }
  }
}
