package io.harpoon.supervisor.adapters.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the OCI config depends on besides agent.json: whether the host can limit swap, and whether
 * it has a {@code /etc/resolv.conf} to share.
 *
 * @param swapAccounting the memory cgroup can limit memory + swap. On cgroup v1 that needs {@code
 *     memory.memsw.*} (kernel swap accounting); runc 1.1 fails the container when {@code swap} is
 *     set and those files are missing. On cgroup v2 runc tolerates a missing {@code
 *     memory.swap.max}.
 * @param resolvConf the host has {@code /etc/resolv.conf}
 */
public record HostFacts(boolean swapAccounting, boolean resolvConf) {

  static final Path RESOLV_CONF = Path.of("/etc/resolv.conf");
  private static final Path CGROUP = Path.of("/sys/fs/cgroup");

  /** Reads the facts of this host. */
  public static HostFacts detect() {
    boolean unified = Files.exists(CGROUP.resolve("cgroup.controllers"));
    boolean memsw = Files.exists(CGROUP.resolve("memory/memory.memsw.limit_in_bytes"));
    return new HostFacts(unified || memsw, Files.exists(RESOLV_CONF));
  }
}
