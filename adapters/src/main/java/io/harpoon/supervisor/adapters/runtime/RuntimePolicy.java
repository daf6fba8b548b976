package io.harpoon.supervisor.adapters.runtime;

/**
 * What the supervisor's command line imposes on every container, beyond agent.json.
 *
 * @param pidsLimit the most tasks (processes and threads) the container's cgroup may hold at once
 *     ({@code pids.max}); 0 for no limit
 */
public record RuntimePolicy(long pidsLimit) {

  /**
   * The default pids limit. Generous for thread-heavy services (a JVM with a few hundred pool
   * threads uses a few hundred tasks), while one runaway container takes at most an eighth of the
   * kernel's default {@code pid_max} of 32768, so the host keeps pids for its own processes and the
   * supervisor for the runtime it must run to stop the container.
   */
  public static final long DEFAULT_PIDS_LIMIT = 4096;

  /** The defaults of the command line. */
  public static final RuntimePolicy DEFAULT = new RuntimePolicy(DEFAULT_PIDS_LIMIT);

  public RuntimePolicy {
    if (pidsLimit < 0) {
      throw new IllegalArgumentException("pidsLimit must be 0 (none) or positive: " + pidsLimit);
    }
  }
}
