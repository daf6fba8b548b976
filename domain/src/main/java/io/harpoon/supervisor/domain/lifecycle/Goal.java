package io.harpoon.supervisor.domain.lifecycle;

/** What the supervisor wants of the container (s6's "want up"), and how it asked it to go down. */
public enum Goal {
  /** Keep it running, restarting it as its policy says. */
  UP,
  /** A stop was asked: SIGTERM, then SIGKILL after the shutdown grace; never restart. */
  STOP,
  /** A kill was asked: SIGKILL; never restart. */
  KILL
}
