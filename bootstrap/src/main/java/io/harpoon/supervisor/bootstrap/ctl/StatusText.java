package io.harpoon.supervisor.bootstrap.ctl;

import io.harpoon.supervisor.application.loop.OperatorWords;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code status} block: one {@code name value} row per fact. Rows the supervisor gave no data for
 * (an older or the original supervisor sends no status report) are left out; {@code error} appears
 * only when set. Everything that came from the socket is {@link Printable}.
 */
final class StatusText {

  private StatusText() {}

  static String of(Snapshot snapshot, Instant now) {
    ContainerProcessState state = snapshot.state().state();
    Optional<StatusReport> report = snapshot.known();
    StringBuilder text = new StringBuilder();
    report.ifPresent(r -> row(text, "id", r.id()));
    row(text, "state", PhaseWords.sentence(state, report, now));
    if (report.isPresent() && report.get().pid() > 0) {
      row(text, "pid", String.valueOf(report.get().pid()));
    }
    snapshot.report().filter(r -> r.supervisorPid() > 0)
        .ifPresent(r -> row(text, "supervisor", "pid " + r.supervisorPid()));
    report.ifPresent(r -> row(text, "policy", "restart " + r.policy()));
    if (!state.err().isEmpty()) {
      row(text, "error", state.err());
    }
    row(text, "restarts", String.valueOf(state.restarts()));
    row(text, "ooms", String.valueOf(state.ooms()));
    row(text, "last exit", OperatorWords.exit(state.exitStatus()));
    row(text, "cpu time", StateText.cpu(state.metrics().cpuTimeNanos()));
    row(text, "memory", memory(state, report));
    return text.toString();
  }

  /**
   * Usage and limit. The cgroup's limit reads 0 while no cgroup exists (down, restarting): then the
   * configured one is shown, marked as such.
   */
  static String memory(ContainerProcessState state, Optional<StatusReport> report) {
    long configured = report.map(StatusReport::memoryLimit).orElse(0L);
    if (state.metrics().memoryLimitBytes() == 0 && configured > 0) {
      return OperatorWords.bytes(state.metrics().memoryUsageBytes()) + " / "
          + OperatorWords.bytes(configured) + " (configured)";
    }
    return StateText.memory(state.metrics());
  }

  private static void row(StringBuilder text, String name, String value) {
    text.append(String.format(Locale.ROOT, "%-11s %s\n", name, Printable.text(value)));
  }
}
