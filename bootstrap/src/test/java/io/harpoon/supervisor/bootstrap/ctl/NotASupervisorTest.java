package io.harpoon.supervisor.bootstrap.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Bytes that are not the supervisor's states exit 4, whatever they are. */
@Timeout(20)
class NotASupervisorTest {

  @TempDir Path dir;

  private CtlRun statusAgainst(FakeSupervisor.Script script) throws Exception {
    try (FakeSupervisor fake = FakeSupervisor.start(dir, script)) {
      return CtlRun.in(dir, "status", "--timeout", "2s");
    }
  }

  @Test
  void httpServer_exitsNotASupervisor() throws Exception {
    CtlRun run =
        statusAgainst(
            peer -> {
              peer.send("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
              peer.hangUp();
            });

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_A_SUPERVISOR);
    assertThat(run.exitCode().code()).isEqualTo(7);
    assertThat(run.err()).startsWith("harpoonctl: not a supervisor: ");
  }

  @Test
  void garbageThatNeverEndsALine_failsTheDecoderCap() throws Exception {
    CtlRun run =
        statusAgainst(
            peer -> {
              peer.send("x".repeat(20_000));
              peer.drain();
            });

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_A_SUPERVISOR);
    assertThat(run.err()).contains("not Server-Sent Events (line too long)");
  }

  @Test
  void garbageLinesThenSilence_exitNotASupervisorRatherThanTimeout() throws Exception {
    CtlRun run =
        statusAgainst(
            peer -> {
              peer.send("220 smtp.example ESMTP ready\r\n");
              peer.drain();
            });

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_A_SUPERVISOR);
    assertThat(run.err()).contains("no state event");
  }

  @Test
  void stateWhoseDataIsNotJson_exitsNotASupervisorQuotingIt() throws Exception {
    CtlRun run =
        statusAgainst(
            peer -> {
              peer.send("event: state\ndata: hello\n\n");
              peer.drain();
            });

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_A_SUPERVISOR);
    assertThat(run.err()).contains("not a container state: hello");
  }

  @Test
  void stateWithContradictoryExitFlags_exitsNotASupervisor() throws Exception {
    String json = WireStates.state(false, false, "", "{\"exited\":true,\"signaled\":true}", 0, 0);
    CtlRun run =
        statusAgainst(
            peer -> {
              peer.state(json);
              peer.drain();
            });

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_A_SUPERVISOR);
  }

  @Test
  void firstEventOfAnotherType_exitsNotASupervisor() throws Exception {
    CtlRun run =
        statusAgainst(
            peer -> {
              peer.send("data: {\"hello\":1}\n\n");
              peer.drain();
            });

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_A_SUPERVISOR);
    assertThat(run.err()).contains("the first event is 'message', not a state");
  }
}
