package io.harpoon.supervisor.bootstrap.ctl;

import io.harpoon.supervisor.application.loop.OperatorWords;
import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.util.Locale;

/**
 * A published state in words: one line for {@code watch}, and the pieces {@code status} and {@code
 * ls} share. Exits, signals and sizes are spelled by {@link OperatorWords}, as in the supervisor's
 * log; text from the socket passes through {@link Printable}.
 */
final class StateText {

  private StateText() {}

  /** The {@code watch} line, without its timestamp. */
  static String line(ContainerProcessState state) {
    String err = state.err().isEmpty() ? "" : " | error: " + Printable.text(state.err());
    return condition(state)
        + err
        + " | restarts "
        + state.restarts()
        + " | ooms "
        + state.ooms()
        + " | last exit: "
        + exit(state.exitStatus())
        + " | cpu "
        + cpu(state.metrics().cpuTimeNanos())
        + " | memory "
        + memory(state.metrics());
  }

  /** Whether it runs, and whether it comes back after it goes down. */
  static String condition(ContainerProcessState state) {
    if (state.up()) {
      return state.restarting() ? "up, restarts on exit" : "up, no restart on exit";
    }
    return state.restarting() ? "down, restarting" : "down";
  }

  /**
   * {@code exited 0}, {@code killed by SIGKILL}, {@code OOM-killed}, {@code unknown}, {@code none}.
   */
  static String exit(ExitStatus status) {
    return OperatorWords.exit(status);
  }

  /** {@code SIGTERM} for 15; Linux numbering (signal(7)); real-time and unknown ones by number. */
  static String signal(int number) {
    return OperatorWords.signal(number);
  }

  /** CPU time in seconds, to the millisecond: {@code 1.234 s}. */
  static String cpu(long nanos) {
    return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
  }

  /** {@code 12.3 MiB / 64 MiB}; a limit of 0 means the cgroup has none. */
  static String memory(Metrics metrics) {
    String limit =
        metrics.memoryLimitBytes() == 0 ? "no limit" : bytes(metrics.memoryLimitBytes());
    return bytes(metrics.memoryUsageBytes()) + " / " + limit;
  }

  /** Binary units: {@code 512 B}, {@code 1.5 KiB}, {@code 64 MiB}. */
  static String bytes(long count) {
    return OperatorWords.bytes(count);
  }
}
