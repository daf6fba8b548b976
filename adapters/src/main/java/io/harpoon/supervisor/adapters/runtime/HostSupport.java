package io.harpoon.supervisor.adapters.runtime;

import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import java.time.Duration;
import java.util.List;

/**
 * Whether the configured runtime can create containers on this host at all, decided once before the
 * first create (the host's cgroup layout does not change under a running supervisor). Today that is
 * one case: crun on a hybrid cgroup host (see {@link HybridCgroups}), which would otherwise fail
 * with crun's own terse message.
 */
final class HostSupport {

  private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(10);

  private final RuntimeCli cli;
  private boolean checked;
  private String refusal = "";

  HostSupport(RuntimeCli cli) {
    this.cli = cli;
  }

  /** Throws when the runtime cannot create containers on this host. */
  synchronized void check() throws RuntimeFailure {
    if (!checked) {
      refusal = isCrun() ? HybridCgroups.crunRefusal().orElse("") : "";
      checked = true;
    }
    if (!refusal.isEmpty()) {
      throw new RuntimeFailure(refusal);
    }
  }

  /** By the binary's name when it says, else by what {@code --version} prints. */
  private boolean isCrun() throws RuntimeFailure {
    String name = cli.name();
    if (name.equals("crun") || name.equals("runc")) {
      return name.equals("crun");
    }
    RuntimeResult version = cli.runCaptured(List.of("--version"), new InFlight(), VERSION_TIMEOUT);
    return version.stdout().startsWith("crun");
  }
}
