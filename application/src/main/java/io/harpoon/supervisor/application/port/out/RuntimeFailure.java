package io.harpoon.supervisor.application.port.out;

/**
 * The container runtime could not do what was asked; the message is fit for an operator.
 *
 * <p>A failure is <em>transient</em> unless marked {@linkplain #permanent(String) permanent}: a
 * transient one (a runtime error, a full disk) may go away if the start is tried again, while a
 * permanent one (the run directory refuses to be started safely, e.g. a volume source that became a
 * symlink) will fail the same way every time.
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

  /** A failure that trying again cannot cure. */
  public static RuntimeFailure permanent(String message) {
    return new RuntimeFailure(message, null, true);
  }

  /** Whether trying again cannot cure this failure. */
  public boolean permanent() {
    return permanent;
  }
}
