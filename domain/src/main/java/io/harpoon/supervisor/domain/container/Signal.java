package io.harpoon.supervisor.domain.container;

/** The signals the supervisor sends to a container's init process, with their Linux numbers. */
public enum Signal {
  TERM(15),
  KILL(9);

  private final int number;

  Signal(int number) {
    this.number = number;
  }

  /** The signal number as in {@code signal(7)} on Linux. */
  public int number() {
    return number;
  }
}
