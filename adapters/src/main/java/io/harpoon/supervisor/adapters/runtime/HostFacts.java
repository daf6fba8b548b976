package io.harpoon.supervisor.adapters.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the OCI config depends on besides agent.json: the host's memory accounting, resolver config,
 * descriptor ceiling and processor architecture.
 *
 * @param swapAccounting the memory cgroup can limit memory + swap. On cgroup v1 that needs {@code
 *     memory.memsw.*} (kernel swap accounting); runc 1.1 fails the container when {@code swap} is
 *     set and those files are missing. On cgroup v2 runc tolerates a missing {@code
 *     memory.swap.max}.
 * @param resolvConf the host has {@code /etc/resolv.conf}
 * @param nrOpen {@code fs.nr_open}: no process may raise {@code RLIMIT_NOFILE} above it, so a
 *     container asking for more fails in the runtime's {@code setrlimit}
 * @param arch the JVM's {@code os.arch} (amd64, aarch64...), which selects the seccomp filter's
 *     architectures
 */
public record HostFacts(boolean swapAccounting, boolean resolvConf, long nrOpen, String arch) {

  static final Path RESOLV_CONF = Path.of("/etc/resolv.conf");
  private static final Path CGROUP = Path.of("/sys/fs/cgroup");
  private static final Path NR_OPEN = Path.of("/proc/sys/fs/nr_open");

  /** Linux's built-in {@code fs.nr_open}, assumed when the host does not say. */
  static final long DEFAULT_NR_OPEN = 1 << 20;

  /** Reads the facts of this host. */
  public static HostFacts detect() {
    boolean unified = Files.exists(CGROUP.resolve("cgroup.controllers"));
    boolean memsw = Files.exists(CGROUP.resolve("memory/memory.memsw.limit_in_bytes"));
    return new HostFacts(
        unified || memsw,
        Files.exists(RESOLV_CONF),
        readNrOpen(),
        System.getProperty("os.arch", ""));
  }

  /**
   * By lines: on Linux 6.18 a sysctl file read with {@code Files.readString} (which sizes its
   * buffer by {@code stat}) yields only its first byte, "1" for 1048576.
   */
  private static long readNrOpen() {
    try {
      return Long.parseLong(String.join("", Files.readAllLines(NR_OPEN)).strip());
    } catch (IOException | NumberFormatException e) {
      return DEFAULT_NR_OPEN;
    }
  }
}
