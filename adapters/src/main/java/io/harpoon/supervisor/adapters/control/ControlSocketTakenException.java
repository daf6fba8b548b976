package io.harpoon.supervisor.adapters.control;

import java.io.IOException;

/**
 * The control socket's path is in use: a live supervisor answers on it, or something that is not a
 * socket sits there. Neither is ever replaced; the supervisor must not start (exit code 1).
 */
public final class ControlSocketTakenException extends IOException {

  private static final long serialVersionUID = 1L;

  public ControlSocketTakenException(String message) {
    super(message);
  }
}
