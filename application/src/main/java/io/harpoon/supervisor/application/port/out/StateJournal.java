package io.harpoon.supervisor.application.port.out;

import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the last published state where a successor (or the agent) finds it after the supervisor died:
 * {@code state.json} in the run directory, written atomically.
 */
public interface StateJournal {

  /** Records {@code entry}, replacing the previous one. Failures are logged, never thrown. */
  void record(Entry entry);

  /** The entry a previous supervisor left in this run directory, if any could be read. */
  Optional<Entry> last();

  /**
   * The published state plus what a successor needs to take over.
   *
   * @param pid the container's init pid, 0 when it is down
   * @param oomBaseline the cgroup's OOM-kill counter when the current run started
   * @param cpuBaseNanos CPU time of the finished runs
   */
  record Entry(ContainerProcessState state, int pid, long oomBaseline, long cpuBaseNanos) {
    public Entry {
      Objects.requireNonNull(state, "state");
    }
  }
}
