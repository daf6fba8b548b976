package io.harpoon.supervisor.application.loop;

import io.harpoon.supervisor.application.port.out.CgroupMetrics;
import io.harpoon.supervisor.application.port.out.ContainerRuntime;
import io.harpoon.supervisor.application.port.out.StateJournal;
import io.harpoon.supervisor.application.port.out.SupervisorLog;
import io.harpoon.supervisor.application.port.out.Timers;
import java.time.Clock;
import java.util.Objects;

/** The driven ports the supervisor loop carries its effects out through. */
public record SupervisorPorts(
    ContainerRuntime runtime,
    CgroupMetrics metrics,
    Timers timers,
    Clock clock,
    StateJournal journal,
    SupervisorLog log) {

  public SupervisorPorts {
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(timers, "timers");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(log, "log");
  }
}
