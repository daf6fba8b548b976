package io.harpoon.supervisor.domain.container;

import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated container config: every field of agent.json (SPEC §4), with defaults applied. Built by
 * {@link ConfigValidation}; the process arguments are the command line's, which supersede {@code
 * command.exec}.
 */
public record ContainerConfig(
    Labels labels,
    Map<String, Integer> ports,
    Map<String, String> env,
    Command command,
    Resources resources,
    Storage storage,
    Grace grace,
    RestartPolicy restart) {

  public ContainerConfig {
    Objects.requireNonNull(labels, "labels");
    ports = Map.copyOf(ports);
    env = Map.copyOf(env);
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(restart, "restart");
  }

  /** Descriptive fields the supervisor carries but does not act on. */
  public record Labels(
      String product,
      String environment,
      String job,
      String artifactUrl,
      List<String> healthChecks) {
    public Labels {
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(environment, "environment");
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(artifactUrl, "artifactUrl");
      healthChecks = List.copyOf(healthChecks);
    }
  }

  /** The process to run: absolute working directory and non-empty argument vector. */
  public record Command(String workingDir, List<String> exec) {
    public Command {
      Objects.requireNonNull(workingDir, "workingDir");
      exec = List.copyOf(exec);
      if (exec.isEmpty()) {
        throw new IllegalArgumentException("command cannot be empty");
      }
    }
  }

  /**
   * Limits: memory in MiB (0 = none), CPUs as a fraction of one core (0 = no quota), open files
   * ({@code RLIMIT_NOFILE}).
   */
  public record Resources(long memoryMb, double cpus, long fileDescriptors) {
    public Resources {
      if (memoryMb < 0 || cpus < 0 || fileDescriptors < 1) {
        throw new IllegalArgumentException("invalid resources");
      }
    }

    /** The memory limit in bytes, 0 for none. */
    public long memoryBytes() {
      return memoryMb * 1024 * 1024;
    }
  }

  /**
   * Filesystems: tmpfs mounts (container path to size in MiB, -1 for no size limit) and bind-mounted
   * volumes (container path to host path).
   */
  public record Storage(Map<String, Long> tmpSizesMb, Map<String, String> volumes) {
    public Storage {
      tmpSizesMb = Map.copyOf(tmpSizesMb);
      volumes = Map.copyOf(volumes);
    }
  }

  /** How long the container may take to start, and to stop after SIGTERM before it is killed. */
  public record Grace(Duration startup, Duration shutdown) {
    public Grace {
      Objects.requireNonNull(startup, "startup");
      Objects.requireNonNull(shutdown, "shutdown");
    }
  }
}
