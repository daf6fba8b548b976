package io.harpoon.supervisor.bootstrap;

import io.harpoon.supervisor.adapters.metrics.CgroupV1Metrics;
import io.harpoon.supervisor.adapters.metrics.CgroupV2Metrics;
import io.harpoon.supervisor.application.loop.OperatorWords;
import io.harpoon.supervisor.application.port.out.CgroupMetrics;
import io.harpoon.supervisor.domain.lifecycle.ContainerState;
import java.time.Duration;

/**
 * The supervisor's first and last log lines: what is running (version, pid, runtime, cgroup layout,
 * Java and its class data), and why it ended (exit code, cause, how the container last ended, how
 * long the supervisor ran). An operator reading a log file knows where one supervisor's life begins
 * and ends without reading the lines between.
 */
public final class Lifelines {

  private Lifelines() {}

  /** {@code starting harpoon-supervisor 0.1.0 (commit ...): pid 1234, runtime runc, cgroup v1, ...}. */
  static String banner(CommandLine commandLine, CgroupMetrics metrics) {
    String classData = System.getProperty("harpoon.class-data", "none (not started by the launcher)");
    return "starting " + Main.PROGRAM + " " + Version.build()
        + ": pid " + ProcessHandle.current().pid()
        + ", runtime " + commandLine.runtime()
        + commandLine.runtimeRoot().map(root -> " (root " + root + ")").orElse("")
        + ", " + cgroups(metrics)
        + ", " + Version.java()
        + ", class data: " + classData;
  }

  /** {@code exiting with code 0 after an accepted exit: the container exited 0; up 3m12s}. */
  static String exit(int code, ContainerState last, Duration uptime) {
    String cause = last.shutdown().signals() > 0 ? "after a termination signal" : "after an accepted exit";
    String container = last.error().isEmpty()
        ? "the container's last exit: " + OperatorWords.exit(last.lastExit())
        : "the container could not be started";
    return "exiting with code " + code + " " + cause + "; " + container + "; supervised for "
        + duration(uptime);
  }

  /** {@code 3m12s}, {@code 2h5m0s}, {@code 850ms}: as an operator writes a duration. */
  public static String duration(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds == 0) {
      return duration.toMillis() + "ms";
    }
    StringBuilder text = new StringBuilder();
    if (seconds >= 86_400) {
      text.append(seconds / 86_400).append('d');
    }
    if (seconds >= 3_600) {
      text.append(seconds % 86_400 / 3_600).append('h');
    }
    if (seconds >= 60) {
      text.append(seconds % 3_600 / 60).append('m');
    }
    return text.append(seconds % 60).append('s').toString();
  }

  private static String cgroups(CgroupMetrics metrics) {
    if (metrics instanceof CgroupV2Metrics) {
      return "cgroup v2";
    }
    return metrics instanceof CgroupV1Metrics ? "cgroup v1" : "no cgroup metrics (neither v1 nor v2 found)";
  }
}
