package io.harpoon.supervisor.domain.container;

/**
 * Resource usage of a container as read from its cgroup.
 *
 * @param cpuTimeNanos CPU time consumed, in nanoseconds
 * @param memoryUsageBytes memory currently charged to the cgroup, in bytes
 * @param memoryLimitBytes the cgroup's memory limit, in bytes (0 when unknown)
 */
public record Metrics(long cpuTimeNanos, long memoryUsageBytes, long memoryLimitBytes) {

  /** No usage observed yet. */
  public static final Metrics ZERO = new Metrics(0, 0, 0);

  public Metrics {
    if (cpuTimeNanos < 0 || memoryUsageBytes < 0 || memoryLimitBytes < 0) {
      throw new IllegalArgumentException("metrics cannot be negative");
    }
  }

  /** The same memory figures with {@code cpuTimeNanos} replaced. */
  public Metrics withCpuTime(long cpuTimeNanos) {
    return new Metrics(cpuTimeNanos, memoryUsageBytes, memoryLimitBytes);
  }
}
