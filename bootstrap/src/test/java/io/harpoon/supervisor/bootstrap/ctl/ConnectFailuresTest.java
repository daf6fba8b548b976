package io.harpoon.supervisor.bootstrap.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every way of not reaching a supervisor exits 3 (cannot connect), or 5 for a mute one. */
@Timeout(20)
class ConnectFailuresTest {

  @TempDir Path dir;

  @Test
  void noSocket_status_exitsUnreachableNamingTheDirectory() {
    CtlRun run = CtlRun.in(dir, "status");

    assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(run.exitCode().code()).isEqualTo(6);
    assertThat(run.err())
        .isEqualTo(
            "harpoonctl: no control socket at "
                + dir.resolve("control")
                + " (is a supervisor running in "
                + dir
                + "?)\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void staleSocket_status_exitsUnreachableSayingNobodyListens() throws Exception {
    FakeSupervisor.start(dir, peer -> peer.drain()).crash();

    CtlRun run = CtlRun.in(dir, "status");

    assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(run.err()).contains("nobody listens on").contains("stale socket");
  }

  @Test
  void regularFileInsteadOfSocket_status_exitsUnreachable() throws Exception {
    Files.writeString(dir.resolve("control"), "not a socket");

    CtlRun run = CtlRun.in(dir, "status");

    assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(run.err()).contains("is not a socket");
  }

  @Test
  void pathTooLongForSunPath_status_exitsUnreachableWithAHint() throws Exception {
    Path deep = Files.createDirectories(dir.resolve("d".repeat(60)).resolve("e".repeat(60)));

    CtlRun run = CtlRun.in(deep, "status");

    assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(run.err()).contains("too long for a unix socket").contains("--dir .");
  }

  @Test
  void tooManyClients_status_exitsUnreachableWithTheSupervisorsReason() throws Exception {
    try (FakeSupervisor fake =
        FakeSupervisor.start(
            dir,
            peer -> {
              peer.refuse("", "too many clients");
              peer.hangUp();
            })) {
      CtlRun run = CtlRun.in(dir, "status");

      assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
      assertThat(run.err())
          .isEqualTo("harpoonctl: the supervisor refused the connection: too many clients\n");
    }
  }

  @Test
  void closedWithoutAWord_status_exitsUnreachable() throws Exception {
    try (FakeSupervisor fake = FakeSupervisor.start(dir, FakeSupervisor.Peer::hangUp)) {
      CtlRun run = CtlRun.in(dir, "status");

      assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
      assertThat(run.err()).contains("closed the connection at once");
    }
  }

  @Test
  void muteListener_status_timesOut() throws Exception {
    try (FakeSupervisor fake = FakeSupervisor.start(dir, FakeSupervisor.Peer::drain)) {
      CtlRun run = CtlRun.in(dir, "status", "--timeout", "1s");

      assertThat(run.exitCode()).isEqualTo(ExitCode.TIMEOUT);
      assertThat(run.exitCode().code()).isEqualTo(5);
      assertThat(run.err()).isEqualTo("harpoonctl: no state from the supervisor within 1s\n");
    }
  }
}
