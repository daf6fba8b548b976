package io.harpoon.supervisor.domain.lifecycle;

/** Where the container is in its life, as the supervisor sees it. */
public enum Phase {
  /** Nothing has happened yet; the supervisor has not asked for a start. */
  CREATED,
  /** The runtime is creating and starting the container; no process to signal yet. */
  STARTING,
  /** The container's init process is alive. */
  RUNNING,
  /** SIGTERM was sent; SIGKILL follows when the shutdown grace runs out. */
  STOPPING,
  /** SIGKILL was sent; waiting for the exit. */
  KILLING,
  /** The container went down and will be started again when the restart timer fires. */
  BACKOFF,
  /** The container is down and will not be started again. */
  DOWN,
  /** The container could not be started (bad config, runtime failure); the error is in the state. */
  FAILED,
  /** The supervisor accepted {@code exit} (or finished a signal-driven shutdown) and is terminating. */
  TERMINATED;

  /** Whether the container's init process is alive in this phase. */
  public boolean hasProcess() {
    return this == RUNNING || this == STOPPING || this == KILLING;
  }

  /** Whether the container is down for good: the only phases in which {@code exit} is accepted. */
  public boolean isFinal() {
    return this == DOWN || this == FAILED;
  }
}
