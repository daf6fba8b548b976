/**
 * Reads a container's resource usage and OOM kills from its cgroup, v1 or v2, chosen at start-up
 * from the mount table ({@link io.harpoon.supervisor.adapters.metrics.CgroupMetricsFactory}).
 */
package io.harpoon.supervisor.adapters.metrics;
