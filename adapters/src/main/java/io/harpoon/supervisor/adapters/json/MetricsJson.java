package io.harpoon.supervisor.adapters.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import io.harpoon.supervisor.domain.container.Metrics;
import java.io.IOException;

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

  /** Writes {@code metrics} as this record's JSON object. */
  static void write(Metrics metrics, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeNumberField("cpu_time", metrics.cpuTimeNanos());
    out.writeNumberField("memory_usage", metrics.memoryUsageBytes());
    out.writeNumberField("memory_limit", metrics.memoryLimitBytes());
    out.writeEndObject();
  }

  /** Back to the domain; throws {@link IllegalArgumentException} for negative figures. */
  public Metrics toMetrics() {
    return new Metrics(cpuTime, memoryUsage, memoryLimit);
  }
}
