package io.harpoon.supervisor.domain.lifecycle;

import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.container.WaitStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A fact the shell observed, stamped with the time it did. Every phase absorbs every event: facts are
 * never refused (a stale or irrelevant one changes nothing); only commands can be rejected.
 */
public sealed interface Event {

  /** When the shell observed the fact. */
  Instant at();

  /**
   * The supervisor owns its control socket: supervision begins. Nothing that could touch a container
   * with this id happens before (a second supervisor started by mistake must fail to bind first).
   */
  record Began(Instant at) implements Event {
    public Began {
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * What the supervisor found before its first start: what the runtime still knows of a container with
   * this id, and the checkpoint a previous supervisor in this run directory left, if any (SPEC §8).
   */
  record Surveyed(Found found, Optional<Checkpoint> journal, Instant at) implements Event {
    public Surveyed {
      Objects.requireNonNull(found, "found");
      Objects.requireNonNull(journal, "journal");
      Objects.requireNonNull(at, "at");
    }
  }

  /** What the runtime knows of a container with this supervisor's id. */
  sealed interface Found {

    /** Nothing: the usual case. */
    record Nothing() implements Found {}

    /** A container whose process is gone: left by a supervisor that died; it must be removed. */
    record Stopped() implements Found {}

    /**
     * A live container of this run directory, left by a supervisor that died.
     *
     * @param pid its init process
     * @param oomKills its cgroup's OOM-kill counter now
     */
    record Running(int pid, long oomKills) implements Found {
      public Running {
        requirePid(pid);
      }
    }

    /** A container with this id that belongs to another run directory ({@code bundle}): not ours. */
    record Foreign(String bundle) implements Found {
      public Foreign {
        Objects.requireNonNull(bundle, "bundle");
      }
    }
  }

  /** The runtime started the container; {@code oomBaseline} is its cgroup's OOM-kill counter then. */
  record Spawned(int pid, long oomBaseline, Instant at) implements Event {
    public Spawned {
      requirePid(pid);
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * The runtime could not start the container. {@code permanent} when starting again cannot help (the
   * run directory or rootfs was refused); otherwise the failure may be transient (a full disk, a busy
   * runtime).
   */
  record SpawnFailed(String reason, boolean permanent, Instant at) implements Event {
    public SpawnFailed {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(at, "at");
      if (reason.isBlank()) {
        reason = "the runtime failed without saying why";
      }
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
