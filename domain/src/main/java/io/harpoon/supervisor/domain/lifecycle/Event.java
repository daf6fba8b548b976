package io.harpoon.supervisor.domain.lifecycle;

import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.container.WaitStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A fact the shell observed, stamped with the time it did. Every phase absorbs every event: facts are
 * never refused (a stale or irrelevant one changes nothing); only commands can be rejected.
 */
public sealed interface Event {

  /** When the shell observed the fact. */
  Instant at();

  /** The supervisor is ready and the config is valid: start the container. */
  record StartRequested(Instant at) implements Event {
    public StartRequested {
      Objects.requireNonNull(at, "at");
    }
  }

  /** The config (or rootfs) cannot be used; {@code problems} says why, joined by {@code "; "}. */
  record ConfigRejected(String problems, Instant at) implements Event {
    public ConfigRejected {
      Objects.requireNonNull(problems, "problems");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A container left running by a supervisor that died was found alive and taken over.
   *
   * @param pid its init process
   * @param oomBaseline the cgroup's OOM-kill counter when it was taken over
   * @param restarts restarts counted by the previous supervisor
   * @param ooms OOM kills counted by the previous supervisor
   * @param cpuBaseNanos CPU time of the runs before the adopted one
   */
  record Adopted(int pid, long oomBaseline, int restarts, int ooms, long cpuBaseNanos, Instant at)
      implements Event {
    public Adopted {
      requirePid(pid);
      Objects.requireNonNull(at, "at");
    }
  }

  /** The runtime started the container; {@code oomBaseline} is its cgroup's OOM-kill counter then. */
  record Spawned(int pid, long oomBaseline, Instant at) implements Event {
    public Spawned {
      requirePid(pid);
      Objects.requireNonNull(at, "at");
    }
  }

  /** The runtime could not start the container. */
  record SpawnFailed(String reason, Instant at) implements Event {
    public SpawnFailed {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * The container's init process {@code pid} ended.
   *
   * @param oomKills the cgroup's OOM-kill counter read right after the exit, before cleanup
   * @param finalSample the cgroup's usage read right after the exit ({@link Metrics#ZERO} if unreadable)
   */
  record Exited(int pid, WaitStatus status, long oomKills, Metrics finalSample, Instant at)
      implements Event {
    public Exited {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(finalSample, "finalSample");
      Objects.requireNonNull(at, "at");
    }
  }

  /** The timer armed with {@code token} fired. */
  record TimerFired(long token, Instant at) implements Event {
    public TimerFired {
      Objects.requireNonNull(at, "at");
    }
  }

  /** The periodic metrics tick (every 3 s). */
  record MetricsTick(Instant at) implements Event {
    public MetricsTick {
      Objects.requireNonNull(at, "at");
    }
  }

  /** A metrics sample of the current run was read from the cgroup. */
  record MetricsSampled(Metrics sample, Instant at) implements Event {
    public MetricsSampled {
      Objects.requireNonNull(sample, "sample");
      Objects.requireNonNull(at, "at");
    }
  }

  /** A control client sent {@code command}; {@code requester} identifies it for a rejection. */
  record CommandReceived(Command command, long requester, Instant at) implements Event {
    public CommandReceived {
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(at, "at");
    }
  }

  /** The supervisor received SIGTERM or SIGINT. */
  record SignalReceived(Instant at) implements Event {
    public SignalReceived {
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A process the lifecycle may take on (and so may later signal) has a real pid: kill(2) with 0 signals
   * the caller's process group and with -1 every process it may signal.
   */
  private static void requirePid(int pid) {
    if (pid < 1) {
      throw new IllegalArgumentException("not a process id: " + pid);
    }
  }
}
