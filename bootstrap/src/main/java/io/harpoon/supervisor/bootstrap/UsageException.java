package io.harpoon.supervisor.bootstrap;

/** The command line is wrong; the message is one line saying how. Exit code 2. */
public final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
