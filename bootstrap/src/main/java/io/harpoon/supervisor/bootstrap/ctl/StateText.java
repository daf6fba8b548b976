package io.harpoon.supervisor.bootstrap.ctl;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.util.List;
import java.util.Locale;

/** A published state in words: a block for {@code status}, one line for {@code watch}. */
final class StateText {

  private static final List<String> SIGNALS =
      List.of(
          "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV",
          "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU",
          "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");
  private static final List<String> UNITS = List.of("B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB");

  private StateText() {}

  /** The {@code status} block: one {@code name value} row per fact, {@code error} only when set. */
  static String summary(ContainerProcessState state) {
    StringBuilder text = new StringBuilder();
    row(text, "container", condition(state));
    if (!state.err().isEmpty()) {
      row(text, "error", state.err());
    }
    row(text, "restarts", String.valueOf(state.restarts()));
    row(text, "ooms", String.valueOf(state.ooms()));
    row(text, "last exit", exit(state.exitStatus()));
    row(text, "cpu time", cpu(state.metrics().cpuTimeNanos()));
    row(text, "memory", memory(state.metrics()));
    return text.toString();
  }

  /** The {@code watch} line, without its timestamp. */
  static String line(ContainerProcessState state) {
    String err = state.err().isEmpty() ? "" : " | error: " + state.err();
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
    if (status instanceof ExitStatus.Exited) {
      return "exited " + ((ExitStatus.Exited) status).code();
    }
    if (status instanceof ExitStatus.Signaled) {
      return "killed by " + signal(((ExitStatus.Signaled) status).signal());
    }
    if (status instanceof ExitStatus.OomKilled) {
      return "OOM-killed";
    }
    return status instanceof ExitStatus.Unknown ? "unknown" : "none";
  }

  /** {@code SIGTERM} for 15; Linux numbering (signal(7)); real-time and unknown ones by number. */
  static String signal(int number) {
    return number > 0 && number < SIGNALS.size() ? "SIG" + SIGNALS.get(number) : "signal " + number;
  }

  /** CPU time in seconds, to the millisecond: {@code 1.234 s}. */
  static String cpu(long nanos) {
    return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
  }

  /** {@code 12.3 MiB / 64 MiB}; a limit of 0 means the cgroup has none. */
  static String memory(Metrics metrics) {
    String limit = metrics.memoryLimitBytes() == 0 ? "no limit" : bytes(metrics.memoryLimitBytes());
    return bytes(metrics.memoryUsageBytes()) + " / " + limit;
  }

  /**
   * Binary units with one decimal, dropped when zero: {@code 512 B}, {@code 1.5 KiB}, {@code 64
   * MiB}.
   */
  static String bytes(long count) {
    int unit = 0;
    double value = count;
    while (value >= 1024 && unit < UNITS.size() - 1) {
      value /= 1024;
      unit++;
    }
    String number = String.format(Locale.ROOT, "%.1f", value);
    if (number.endsWith(".0")) {
      number = number.substring(0, number.length() - 2);
    }
    return number + " " + UNITS.get(unit);
  }

  private static void row(StringBuilder text, String name, String value) {
    text.append(String.format(Locale.ROOT, "%-11s %s\n", name, value));
  }
}
