package io.harpoon.supervisor.domain.lifecycle;

import io.harpoon.supervisor.domain.container.Signal;
import java.time.Duration;
import java.util.Objects;

/** What the domain asks the shell to do, in order. The domain never does anything itself. */
public sealed interface Effect {

  /**
   * Find out what a previous supervisor left: ask the runtime about a container with this id, and report
   * it with the journal's last checkpoint as {@link Event.Surveyed}.
   */
  record Survey() implements Effect {}

  /** Create and start the container; report {@link Event.Spawned} or {@link Event.SpawnFailed}. */
  record StartContainer() implements Effect {}

  /** Report the end of the container's init process {@code pid} as {@link Event.Exited}. */
  record WatchExit(int pid) implements Effect {
    public WatchExit {
      if (pid < 1) {
        throw new IllegalArgumentException("not a process id: " + pid);
      }
    }
  }

  /** The start took longer than the startup grace: cancel it and remove whatever it created. */
  record AbandonStart() implements Effect {}

  /** Send {@code signal} to the container's init process {@code pid}. */
  record SendSignal(int pid, Signal signal) implements Effect {
    public SendSignal {
      // kill(2): pid 0 is the caller's process group, -1 every process it may signal (all, as root).
      if (pid < 1) {
        throw new IllegalArgumentException("not a process id: " + pid);
      }
      Objects.requireNonNull(signal, "signal");
    }
  }

  /** Deliver {@link Event.TimerFired} with {@code token} after {@code delay}. */
  record ArmTimer(long token, Duration delay) implements Effect {
    public ArmTimer {
      Objects.requireNonNull(delay, "delay");
    }
  }

  /** Read the container's cgroup and report {@link Event.MetricsSampled}. */
  record SampleMetrics() implements Effect {}

  /** The container's process is gone: delete the runtime's record of it and its cgroup. */
  record ReleaseContainer() implements Effect {}

  /** Record {@code checkpoint} in {@code state.json}, then tell every subscriber its state. */
  record Publish(Checkpoint checkpoint) implements Effect {
    public Publish {
      Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /** The state clients see. */
    public ContainerProcessState state() {
      return checkpoint.state();
    }
  }

  /** Refuse {@code command} from {@code requester}, telling it why. */
  record Reject(long requester, Command command, String reason) implements Effect {
    public Reject {
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Terminate the supervisor with {@code exitCode}, after the last state reached the subscribers. */
  record Terminate(int exitCode) implements Effect {}
}
