package io.harpoon.supervisor.domain.container;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * agent.json as decoded, before validation. Absent keys carry the defaults of {@link #EMPTY}: empty
 * strings, empty collections and zeros, which {@link ConfigValidation} turns into the documented
 * defaults (as Go's zero values did in the original).
 */
public record ConfigDraft(
    Map<String, String> labels,
    List<String> healthChecks,
    Map<String, Long> ports,
    Map<String, String> env,
    String workingDir,
    long memoryMb,
    double cpus,
    long fileDescriptors,
    Map<String, Long> tmpSizesMb,
    Map<String, String> volumes,
    String startupGrace,
    String shutdownGrace,
    String restart) {

  /** A config with no keys at all. */
  public static final ConfigDraft EMPTY =
      new ConfigDraft(
          Map.of(), List.of(), Map.of(), Map.of(), "", 0, 0, 0, Map.of(), Map.of(), "", "", "");

  public ConfigDraft {
    labels = Map.copyOf(labels);
    healthChecks = List.copyOf(healthChecks);
    ports = Map.copyOf(ports);
    env = Map.copyOf(env);
    Objects.requireNonNull(workingDir, "workingDir");
    tmpSizesMb = Map.copyOf(tmpSizesMb);
    volumes = Map.copyOf(volumes);
    Objects.requireNonNull(startupGrace, "startupGrace");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(restart, "restart");
  }
}
