package io.harpoon.supervisor.it.container;

/**
 * The outcome of a command run in the container to completion.
 *
 * @param exitCode its exit code; {@link #TIMED_OUT} when it was still running at the deadline
 * @param stdout what it printed on stdout
 * @param stderr what it printed on stderr
 */
public record ExecResult(int exitCode, String stdout, String stderr) {

  /** The exit code recorded for a command killed at its deadline (as timeout(1) reports it). */
  public static final int TIMED_OUT = 124;

  public boolean succeeded() {
    return exitCode == 0;
  }

  @Override
  public String toString() {
    return "exit " + exitCode + ", stdout: " + stdout.strip() + ", stderr: " + stderr.strip();
  }
}
