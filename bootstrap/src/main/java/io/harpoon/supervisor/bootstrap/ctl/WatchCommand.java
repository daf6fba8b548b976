package io.harpoon.supervisor.bootstrap.ctl;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code watch}: one line per state change, stamped like the supervisor's own log lines (UTC,
 * milliseconds), until the supervisor closes the connection; or with {@code --raw} the bytes as
 * they come. A state identical to the one before (nothing changed but the frame) is not printed
 * again.
 */
final class WatchCommand {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private WatchCommand() {}

  static ExitCode run(CtlOptions options, Console console) throws CtlException {
    Deadline firstState = Deadline.after(options.timeout());
    try (Session session =
        Session.open(options.socket(), firstState, bytes -> rawCopy(options, console, bytes))) {
      String previous = session.first().json();
      print(options, console, session.first());
      while (true) {
        Incoming next = session.connection().next(Deadline.none());
        if (next instanceof Incoming.Closed) {
          console.problem("the supervisor closed the connection");
          return ExitCode.OK;
        }
        if (next instanceof Incoming.State && !((Incoming.State) next).json().equals(previous)) {
          previous = ((Incoming.State) next).json();
          print(options, console, (Incoming.State) next);
        }
      }
    }
  }

  private static void rawCopy(CtlOptions options, Console console, java.nio.ByteBuffer bytes) {
    if (options.raw()) {
      console.bytes(bytes);
    }
  }

  private static void print(CtlOptions options, Console console, Incoming.State state) {
    if (!options.raw()) {
      console.result(
          TIMESTAMP.format(console.clock().instant()) + " " + StateText.line(state.state()));
    }
  }
}
