package io.harpoon.supervisor.application.port.out;

/**
 * The container runtime could not do what was asked; the message is fit for an operator. A failure is
 * {@linkplain #permanent() permanent} when trying again cannot help (the run directory or the rootfs
 * was refused as unsafe); otherwise it may pass (a full disk, a busy runtime).
 */
public final class RuntimeFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean permanent;

  public RuntimeFailure(String message) {
    this(message, null, false);
  }

  public RuntimeFailure(String message, Throwable cause) {
    this(message, cause, false);
  }

  private RuntimeFailure(String message, Throwable cause, boolean permanent) {
    super(message, cause);
    this.permanent = permanent;
  }

  /** A failure that starting again cannot cure. */
  public static RuntimeFailure permanent(String message) {
    return new RuntimeFailure(message, null, true);
  }

  /** Whether starting again cannot cure it. */
  public boolean permanent() {
    return permanent;
  }
}
