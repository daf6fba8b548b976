package io.harpoon.supervisor.application.port.out;

/** The supervisor's own log: one line per event, to stderr in production. Must not block for long. */
public interface SupervisorLog {

  void info(String message);

  void warn(String message);

  /**
   * Something an operator must act on: the container cannot be started, or the kernel killed it. Logs
   * that cannot tell levels apart log it as a warning.
   */
  default void error(String message) {
    warn(message);
  }
}
