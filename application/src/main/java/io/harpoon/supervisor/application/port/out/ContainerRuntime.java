package io.harpoon.supervisor.application.port.out;

import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.Signal;
import io.harpoon.supervisor.domain.container.WaitStatus;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Creates, signals and removes the container, and reports how its init process ended. The supervisor is
 * the init's parent (child subreaper), so exit statuses are real wait statuses. Slow calls ({@link
 * #create}, {@link #start}, {@link #release}) are made off the supervisor's thread, one at a time.
 */
public interface ContainerRuntime {

  /** Creates the container, not yet running its command; returns the pid of its init process. */
  int create(LaunchSpec spec) throws RuntimeFailure;

  /** Starts the command of a created container. */
  void start(ContainerId id) throws RuntimeFailure;

  /**
   * Calls {@code listener} once, from any thread, when process {@code pid} (a child of the supervisor)
   * has ended — at once if it already has.
   */
  void onExit(int pid, Consumer<WaitStatus> listener);

  /** Sends {@code signal} to process {@code pid}; a process that is already gone is not an error. */
  void signal(int pid, Signal signal);

  /** Interrupts a {@link #create} or {@link #start} in progress on another thread (it then fails). */
  void abandonStart();

  /** Removes what the runtime keeps of the container (its state, its cgroup), killing what is left. */
  void release(ContainerId id);

  /**
   * A container with this id left by a supervisor that died, if the runtime still knows one: its init
   * pid while that process is alive, and the bundle (run directory) it was created from.
   */
  Optional<Leftover> leftover(ContainerId id);

  /**
   * A container the runtime still knows.
   *
   * @param pid its init process, 0 when that is gone
   * @param bundle the run directory it was created from, as the runtime recorded it
   */
  record Leftover(ContainerId id, int pid, Path bundle) {
    public Leftover {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(bundle, "bundle");
    }
  }
}
