package io.harpoon.supervisor.adapters.runtime;

import io.harpoon.supervisor.application.port.out.LaunchSpec;
import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import io.harpoon.supervisor.domain.container.ContainerConfig;
import java.util.Map;
import java.util.TreeSet;

/**
 * What is checked around each create, so that a start the host cannot honour, or that would let the
 * container reach outside, fails with a clear message instead of in the runtime: before the create,
 * the host's descriptor ceiling, the rootfs ({@link RootfsPaths}) and the volume sources ({@link
 * VolumeSources}); after it, before the command runs, what got mounted and the tmpfs modes ({@link
 * TmpfsModes}).
 */
final class StartGuards {

  private final HostFacts host;
  private final VolumeSources volumes = new VolumeSources();

  StartGuards(HostFacts host) {
    this.host = host;
  }

  /** What {@link #beforeCreate} saw, for {@link #afterCreate}. */
  record Checked(Map<String, FileIdentity> volumes) {
    Checked {
      volumes = Map.copyOf(volumes);
    }
  }

  /** Checks the host and the run directory for {@code spec}. */
  Checked beforeCreate(LaunchSpec spec) throws RuntimeFailure {
    ContainerConfig config = spec.config();
    long files = config.resources().fileDescriptors();
    if (files > host.nrOpen()) {
      throw RuntimeFailure.permanent(
          "resources.fd "
              + files
              + " is above this host's fs.nr_open ("
              + host.nrOpen()
              + "), the most open files any process may have: lower resources.fd, or raise"
              + " /proc/sys/fs/nr_open");
    }
    RootfsPaths.check(OciBundleWriter.realRoot(spec), config.storage(), host.resolvConf());
    return new Checked(volumes.check(config.storage().volumes()));
  }

  /** Checks and completes the mounts of the created container whose init is {@code pid}. */
  void afterCreate(LaunchSpec spec, int pid, Checked checked) throws RuntimeFailure {
    String containerRoot = "/proc/" + pid + "/root";
    VolumeSources.verifyMounted(containerRoot, checked.volumes());
    TreeSet<String> tmpTargets = new TreeSet<>();
    spec.config()
        .storage()
        .tmpSizesMb()
        .keySet()
        .forEach(target -> tmpTargets.add(OciMounts.normalize(target)));
    TmpfsModes.apply(containerRoot, tmpTargets);
  }
}
