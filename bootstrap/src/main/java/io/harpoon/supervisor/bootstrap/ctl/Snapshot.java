package io.harpoon.supervisor.bootstrap.ctl;

import java.util.Objects;
import java.util.Optional;

/**
 * What one supervisor said about its container: the latest state, and its status report when the
 * supervisor sends one (the original supervisor and older versions do not).
 *
 * @param state the latest state received
 * @param report the status report that followed it, if any
 */
record Snapshot(Incoming.State state, Optional<StatusReport> report) {

  Snapshot {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(report, "report");
  }

  /** The report, when the supervisor knew the container's status. */
  Optional<StatusReport> known() {
    return report.filter(StatusReport::known);
  }

  /** 0 up, 3 down, 4 failed: {@code systemctl is-active}'s answers, for {@code status} and {@code ls}. */
  ExitCode health() {
    if (state.state().up()) {
      return ExitCode.OK;
    }
    return state.state().err().isEmpty() ? ExitCode.DOWN : ExitCode.FAILED;
  }
}
