package io.harpoon.supervisor.adapters.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.harpoon.supervisor.domain.container.Metrics;

/** {@code container_metrics} on the wire: CPU time in nanoseconds, memory in bytes, always present. */
@JsonPropertyOrder({"cpu_time", "memory_usage", "memory_limit"})
public record MetricsJson(
    @JsonProperty("cpu_time") long cpuTime,
    @JsonProperty("memory_usage") long memoryUsage,
    @JsonProperty("memory_limit") long memoryLimit) {

  /** The wire form of {@code metrics}. */
  public static MetricsJson of(Metrics metrics) {
    return new MetricsJson(
        metrics.cpuTimeNanos(), metrics.memoryUsageBytes(), metrics.memoryLimitBytes());
  }

  /** Back to the domain; throws {@link IllegalArgumentException} for negative figures. */
  public Metrics toMetrics() {
    return new Metrics(cpuTime, memoryUsage, memoryLimit);
  }
}
