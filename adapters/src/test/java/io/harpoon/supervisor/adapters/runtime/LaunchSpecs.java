package io.harpoon.supervisor.adapters.runtime;

import io.harpoon.supervisor.application.port.out.LaunchSpec;
import io.harpoon.supervisor.domain.container.ContainerConfig;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds launch specs for tests, with agent.json's defaults unless told otherwise. */
final class LaunchSpecs {

  private Map<String, String> env = Map.of();
  private String workingDir = "/";
  private List<String> command = List.of("sh", "-c", "exit 0");
  private long memoryMb;
  private double cpus;
  private long fileDescriptors = 4096;
  private Map<String, Long> tmp = Map.of();
  private Map<String, String> volumes = Map.of();

  static LaunchSpecs defaults() {
    return new LaunchSpecs();
  }

  LaunchSpecs env(Map<String, String> value) {
    env = value;
    return this;
  }

  LaunchSpecs workingDir(String value) {
    workingDir = value;
    return this;
  }

  LaunchSpecs command(String... value) {
    command = List.of(value);
    return this;
  }

  LaunchSpecs limits(long memoryMb, double cpus, long fileDescriptors) {
    this.memoryMb = memoryMb;
    this.cpus = cpus;
    this.fileDescriptors = fileDescriptors;
    return this;
  }

  LaunchSpecs storage(Map<String, Long> tmp, Map<String, String> volumes) {
    this.tmp = tmp;
    this.volumes = volumes;
    return this;
  }

  LaunchSpec build(String id, String hostname, Path runDirectory) {
    ContainerConfig config =
        new ContainerConfig(
            new ContainerConfig.Labels("demo", "test", "web", "", List.of()),
            Map.of(),
            env,
            new ContainerConfig.Command(workingDir, command),
            new ContainerConfig.Resources(memoryMb, cpus, fileDescriptors),
            new ContainerConfig.Storage(tmp, volumes),
            new ContainerConfig.Grace(Duration.ofSeconds(30), Duration.ofSeconds(10)),
            RestartPolicy.NO);
    return new LaunchSpec(new ContainerId(id), hostname, config, runDirectory);
  }
}
