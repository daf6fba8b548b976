package io.harpoon.supervisor.bootstrap.ctl;

import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.nio.ByteBuffer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code watch}: one line per state change, stamped like the supervisor's own log lines (UTC,
 * milliseconds), until the supervisor closes the connection. A change is a change of anything but
 * the metrics: the samples that arrive every 3 s while the container runs are printed only with
 * {@code --samples}. {@code --raw} copies the event stream as it comes, control characters escaped.
 */
final class WatchCommand {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private WatchCommand() {}

  static ExitCode run(CtlOptions options, Console console) throws CtlException {
    Deadline firstState = Deadline.after(options.timeout());
    RawCopy raw = new RawCopy();
    try (Session session =
        Session.open(options.socket(), firstState, bytes -> rawCopy(options, console, raw, bytes))) {
      ContainerProcessState previous = session.first().state();
      print(options, console, session.first());
      while (true) {
        Incoming next = session.connection().next(Deadline.none());
        if (next instanceof Incoming.Closed) {
          console.problem("the supervisor closed the connection");
          return ExitCode.OK;
        }
        if (next instanceof Incoming.State) {
          ContainerProcessState state = ((Incoming.State) next).state();
          if (options.samples() || changed(previous, state)) {
            print(options, console, (Incoming.State) next);
          }
          previous = state;
        }
      }
    }
  }

  /** Whether anything but the metrics differs. */
  static boolean changed(ContainerProcessState before, ContainerProcessState after) {
    return !withoutMetrics(before).equals(withoutMetrics(after));
  }

  private static ContainerProcessState withoutMetrics(ContainerProcessState state) {
    return new ContainerProcessState(state.up(), state.restarting(), state.err(),
        state.exitStatus(), state.restarts(), state.ooms(), Metrics.ZERO);
  }

  private static void rawCopy(CtlOptions options, Console console, RawCopy raw, ByteBuffer bytes) {
    if (options.raw()) {
      console.bytes(ByteBuffer.wrap(raw.filter(bytes)));
    }
  }

  private static void print(CtlOptions options, Console console, Incoming.State state) {
    if (!options.raw()) {
      console.result(
          TIMESTAMP.format(console.clock().instant()) + " " + StateText.line(state.state()));
    }
  }
}
