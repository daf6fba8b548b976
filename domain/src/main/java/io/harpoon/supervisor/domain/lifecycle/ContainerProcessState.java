package io.harpoon.supervisor.domain.lifecycle;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import java.util.Objects;

/**
 * The state the supervisor publishes (SPEC §5), in the protocol's key order.
 *
 * @param up the container's process is running
 * @param restarting it will be started again after it exits
 * @param err why the container could not be started; empty when there is no such error
 * @param exitStatus how the container last ended; {@link ExitStatus#NONE} since its last start
 * @param restarts how often it was started again after going down
 * @param ooms how often the kernel's OOM killer killed it
 * @param metrics CPU time (cumulative across restarts) and memory of the container
 */
public record ContainerProcessState(
    boolean up,
    boolean restarting,
    String err,
    ExitStatus exitStatus,
    int restarts,
    int ooms,
    Metrics metrics) {

  public ContainerProcessState {
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(exitStatus, "exitStatus");
    Objects.requireNonNull(metrics, "metrics");
    if (restarts < 0 || ooms < 0) {
      throw new IllegalArgumentException("counters cannot be negative");
    }
  }
}
