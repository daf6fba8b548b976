package io.harpoon.supervisor.bootstrap;

import io.harpoon.supervisor.adapters.json.StateJson;
import io.harpoon.supervisor.adapters.posix.NativeProcesses;
import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;

/**
 * Work that must be done before the container's first state reaches a client but does not depend on
 * the command line or the config: loading jnr's native bindings (and becoming subreaper), and Jackson's
 * first serialization. Both are class loading, hundreds of milliseconds cold; started on the second core
 * while the main thread parses the config and builds the object graph (docs/benchmarks.md).
 */
final class StartPath {

  private StartPath() {}

  static void warmUpInBackground() {
    NativeProcesses.preload();
    Thread json = new Thread(StartPath::encodeOnce, "json-preload");
    json.setDaemon(true);
    json.start();
  }

  private static void encodeOnce() {
    StateJson.encode(new ContainerProcessState(false, false, "", ExitStatus.NONE, 0, 0, Metrics.ZERO));
  }
}
