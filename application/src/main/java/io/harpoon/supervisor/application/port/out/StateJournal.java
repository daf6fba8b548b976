package io.harpoon.supervisor.application.port.out;

import io.harpoon.supervisor.domain.lifecycle.Checkpoint;
import java.util.Optional;

/**
 * Keeps the last published state, and what a successor needs to take over, where a successor (or the
 * agent) finds it after the supervisor died: {@code state.json} in the run directory, written atomically.
 */
public interface StateJournal {

  /** Records {@code checkpoint}, replacing the previous one. Failures are logged, never thrown. */
  void record(Checkpoint checkpoint);

  /** The checkpoint a previous supervisor left in this run directory, if any could be read. */
  Optional<Checkpoint> last();
}
