package io.harpoon.supervisor.domain.container;

/** The last exit of the container as the supervisor reports it (SPEC §5 {@code container_exit_status}). */
public sealed interface ExitStatus {

  /** No exit since the container was last started. */
  ExitStatus NONE = new None();

  /**
   * Classifies a wait status: a SIGKILL while the cgroup's OOM-kill counter rose is an OOM kill, and so
   * is an exit that could not be observed (a taken-over container) while the counter rose.
   */
  static ExitStatus of(WaitStatus wait, boolean oomKillObserved) {
    if (wait instanceof WaitStatus.Exited) {
      return new Exited(((WaitStatus.Exited) wait).code());
    }
    if (wait instanceof WaitStatus.Signaled) {
      int signal = ((WaitStatus.Signaled) wait).signal();
      return oomKillObserved && signal == Signal.KILL.number() ? new OomKilled() : new Signaled(signal);
    }
    return oomKillObserved ? new OomKilled() : new Unknown();
  }

  /** Whether a restart policy of {@code on-failure} treats this exit as a failure. */
  default boolean isFailure() {
    return true;
  }

  /** No exit since the last start. */
  record None() implements ExitStatus {}

  /** Exited with a status code. */
  record Exited(int code) implements ExitStatus {
    @Override
    public boolean isFailure() {
      return code != 0;
    }
  }

  /** Terminated by a signal. */
  record Signaled(int signal) implements ExitStatus {}

  /** Killed by the kernel's OOM killer for exceeding its cgroup's memory limit. */
  record OomKilled() implements ExitStatus {}

  /** The container is gone and how it ended could not be observed; never reported as a clean exit. */
  record Unknown() implements ExitStatus {}
}
