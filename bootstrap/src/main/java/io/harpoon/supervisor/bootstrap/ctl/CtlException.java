package io.harpoon.supervisor.bootstrap.ctl;

import java.util.Objects;

/** A command of {@code harpoonctl} cannot succeed; the message is one line for the operator. */
public final class CtlException extends Exception {

  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;

  public CtlException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
  }

  public CtlException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
  }

  /** What the process exits with. */
  public ExitCode exitCode() {
    return exitCode;
  }
}
