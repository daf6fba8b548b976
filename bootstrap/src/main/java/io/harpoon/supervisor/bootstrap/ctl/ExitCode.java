package io.harpoon.supervisor.bootstrap.ctl;

/**
 * What {@code harpoonctl} exits with; the numbers are part of its interface (docs/operations.md).
 * {@code status} answers like {@code systemctl is-active} and the LSB status actions: 0 when the
 * container runs, 3 when it does not, 4 when it cannot be started.
 */
public enum ExitCode {
  /** The command did what was asked; for {@code status}, the container is up. */
  OK(0, "success; status, ls: the container is up"),
  /** The supervisor refused the command with an {@code event: error} reply. */
  REFUSED(1, "the supervisor refused the command (event: error)"),
  /** The command line is wrong. */
  USAGE(2, "usage error"),
  /** {@code status}, {@code ls}: the container is not running (starting, restarting, exited). */
  DOWN(3, "status, ls: the container is not up (starting, restarting, stopped, exited)"),
  /** {@code status}, {@code ls}: the container cannot be started (the state's {@code err}). */
  FAILED(4, "status, ls: the container failed: it cannot be started (err)"),
  /** The awaited outcome did not happen within {@code --timeout}. */
  TIMEOUT(5, "timed out (--timeout)"),
  /**
   * No supervisor could be reached: socket missing, stale, not a socket, permission, connection
   * lost.
   */
  UNREACHABLE(
      6,
      "cannot connect: no socket, stale socket, permission denied, too many clients, connection"
          + " lost"),
  /** Something answers on the socket, but not with the supervisor's protocol. */
  NOT_A_SUPERVISOR(7, "the socket does not speak the supervisor's protocol");

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
