package io.harpoon.supervisor.domain.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * What a supervisor records with every published state so that a successor can take over the container
 * if the supervisor dies (SPEC §8): the state itself, the run's process and cgroup baselines, and the
 * goal — a stop that was under way goes on under the successor.
 *
 * @param state the published state
 * @param pid the container's init pid, 0 when it is down
 * @param oomBaseline the cgroup's OOM-kill counter when the current run started
 * @param cpuBaseNanos CPU time of the finished runs
 * @param goal what the supervisor wanted of the container
 * @param goalSince when that goal was set (a stop's shutdown grace runs from there)
 */
public record Checkpoint(
    ContainerProcessState state, int pid, long oomBaseline, long cpuBaseNanos, Goal goal, Instant goalSince) {

  public Checkpoint {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(goalSince, "goalSince");
    if (pid < 0 || oomBaseline < 0 || cpuBaseNanos < 0) {
      throw new IllegalArgumentException("pid, OOM baseline and CPU time cannot be negative");
    }
  }

  /** Whether the supervision it records was still going on: the container up, or due to run again. */
  public boolean unfinished() {
    return state.up() || state.restarting();
  }
}
