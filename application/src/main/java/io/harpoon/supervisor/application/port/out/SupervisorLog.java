package io.harpoon.supervisor.application.port.out;

/** The supervisor's own log: one line per event, to stderr in production. Must not block for long. */
public interface SupervisorLog {

  void info(String message);

  void warn(String message);
}
