package io.harpoon.supervisor.application.port.out;

/** The container runtime could not do what was asked; the message is fit for an operator. */
public final class RuntimeFailure extends Exception {

  private static final long serialVersionUID = 1L;

  public RuntimeFailure(String message) {
    super(message);
  }

  public RuntimeFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
