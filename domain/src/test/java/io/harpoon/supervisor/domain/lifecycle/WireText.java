package io.harpoon.supervisor.domain.lifecycle;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;

/**
 * The compact JSON of a published view, in the protocol's key order with its omission rules (SPEC §5),
 * for comparing replays with the original supervisor's captured bytes. Test-only and limited to what the
 * captures contain (no {@code err}, no OOM or unknown exits): the real encoder lives in the adapters.
 */
final class WireText {

  private WireText() {}

  static String of(ContainerProcessState view) {
    if (!view.err().isEmpty()) {
      throw new IllegalArgumentException("the captures have no err");
    }
    Metrics m = view.metrics();
    return "{\"up\":" + view.up()
        + ",\"restarting\":" + view.restarting()
        + ",\"container_exit_status\":" + exitStatus(view.exitStatus())
        + ",\"restarts\":" + view.restarts()
        + ",\"ooms\":" + view.ooms()
        + ",\"container_metrics\":{\"cpu_time\":" + m.cpuTimeNanos()
        + ",\"memory_usage\":" + m.memoryUsageBytes()
        + ",\"memory_limit\":" + m.memoryLimitBytes() + "}}";
  }

  private static String exitStatus(ExitStatus status) {
    if (status instanceof ExitStatus.None) {
      return "{}";
    }
    if (status instanceof ExitStatus.Exited) {
      int code = ((ExitStatus.Exited) status).code();
      return code == 0 ? "{\"exited\":true}" : "{\"exited\":true,\"exit_status\":" + code + "}";
    }
    if (status instanceof ExitStatus.Signaled) {
      return "{\"signaled\":true,\"signal\":" + ((ExitStatus.Signaled) status).signal() + "}";
    }
    throw new IllegalArgumentException("the captures have no " + status);
  }
}
