package io.harpoon.supervisor.bootstrap.ctl;

/**
 * What {@code harpoonctl} exits with; the numbers are part of its interface (docs/operations.md).
 */
public enum ExitCode {
  /** The command did what was asked. */
  OK(0, "success"),
  /** The supervisor refused the command with an {@code event: error} reply. */
  REFUSED(1, "the supervisor refused the command (event: error)"),
  /** The command line is wrong. */
  USAGE(2, "usage error"),
  /**
   * No supervisor could be reached: socket missing, stale, not a socket, permission, connection
   * lost.
   */
  UNREACHABLE(
      3,
      "cannot connect: no socket, stale socket, permission denied, too many clients, connection"
          + " lost"),
  /** Something answers on the socket, but not with the supervisor's protocol. */
  NOT_A_SUPERVISOR(4, "the socket does not speak the supervisor's protocol"),
  /** The awaited outcome did not happen within {@code --timeout}. */
  TIMEOUT(5, "timed out (--timeout)");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The process exit status. */
  public int code() {
    return code;
  }

  /** One line for the help text. */
  public String meaning() {
    return meaning;
  }
}
