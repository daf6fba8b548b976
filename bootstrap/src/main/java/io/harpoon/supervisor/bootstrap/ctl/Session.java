package io.harpoon.supervisor.bootstrap.ctl;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A connection whose peer proved to be a supervisor: a supervisor sends its current state as soon
 * as a client connects (SPEC §5), so the first event must be a state. Anything else is classified
 * into the exit codes: refused or closed at once (cannot connect), silence (timeout), nonsense (not
 * a supervisor).
 */
final class Session implements AutoCloseable {

  private final ControlConnection connection;
  private final Incoming.State first;

  private Session(ControlConnection connection, Incoming.State first) {
    this.connection = connection;
    this.first = first;
  }

  /** Connects to {@code socket} and reads the first state by {@code deadline}. */
  static Session open(Path socket, Deadline deadline, Consumer<ByteBuffer> tap)
      throws CtlException {
    ControlConnection connection = ControlConnection.open(socket, tap);
    try {
      return new Session(connection, firstState(connection, deadline));
    } catch (CtlException | RuntimeException failed) {
      connection.close();
      throw failed;
    }
  }

  /** The state the supervisor sent on connect. */
  Incoming.State first() {
    return first;
  }

  ControlConnection connection() {
    return connection;
  }

  @Override
  public void close() {
    connection.close();
  }

  private static Incoming.State firstState(ControlConnection connection, Deadline deadline)
      throws CtlException {
    Incoming first = connection.next(deadline);
    if (first instanceof Incoming.State) {
      return (Incoming.State) first;
    }
    long bytes = connection.bytesReceived();
    if (first instanceof Incoming.Refusal && ((Incoming.Refusal) first).command().isEmpty()) {
      throw new CtlException(
          ExitCode.UNREACHABLE,
          "the supervisor refused the connection: "
              + Printable.text(((Incoming.Refusal) first).error()));
    }
    if (first instanceof Incoming.Closed && bytes == 0) {
      throw new CtlException(
          ExitCode.UNREACHABLE,
          "the supervisor closed the connection at once "
              + "(it serves only root and its own user, and none while it exits)");
    }
    if (first instanceof Incoming.Silence && bytes == 0) {
      throw new CtlException(
          ExitCode.TIMEOUT, "no state from the supervisor within " + deadline.describe());
    }
    throw new CtlException(
        ExitCode.NOT_A_SUPERVISOR,
        "not a supervisor: " + bytes + " bytes received, but " + describe(first));
  }

  private static String describe(Incoming first) {
    if (first instanceof Incoming.Other) {
      return "the first event is '" + Printable.text(((Incoming.Other) first).type())
          + "', not a state";
    }
    if (first instanceof Incoming.Refusal) {
      return "the first event is an error reply, not a state";
    }
    return first instanceof Incoming.Closed
        ? "the connection closed before a state event"
        : "no state event among them";
  }
}
