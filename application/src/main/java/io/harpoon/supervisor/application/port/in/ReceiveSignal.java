package io.harpoon.supervisor.application.port.in;

/** The OS asked the supervisor to terminate (SIGTERM or SIGINT). Never blocks. */
public interface ReceiveSignal {

  /** First time: stop the container and terminate once it is down. Again: kill it. */
  void terminationRequested();
}
