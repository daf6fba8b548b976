package io.harpoon.supervisor.application.port.out;

import io.harpoon.supervisor.domain.container.ContainerConfig;
import io.harpoon.supervisor.domain.container.ContainerId;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a runtime needs to create the container: its id and hostname, its validated config (whose
 * command is the process to run), and the run directory holding {@code rootfs}.
 */
public record LaunchSpec(ContainerId id, String hostname, ContainerConfig config, Path runDirectory) {

  public LaunchSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(runDirectory, "runDirectory");
  }

  /** The container's root filesystem, {@code RUNDIR/rootfs} (possibly a symlink). */
  public Path rootfs() {
    return runDirectory.resolve("rootfs");
  }
}
