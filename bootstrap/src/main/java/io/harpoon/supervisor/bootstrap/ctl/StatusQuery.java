package io.harpoon.supervisor.bootstrap.ctl;

import io.harpoon.supervisor.adapters.control.SseEncoder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks one supervisor for a {@link Snapshot}: its first state, then {@code event: status}. A supervisor
 * of this version answers at once; an older one refuses the request as an unknown command; the
 * original supervisor ignores it, so after {@link #ANSWER_WINDOW} of silence the state stands alone.
 * The deadline bounds the wait for the first state; the answer window follows it.
 */
final class StatusQuery {

  /** How long a supervisor has to answer the status request before the state stands alone. */
  static final Duration ANSWER_WINDOW = Duration.ofMillis(300);

  private StatusQuery() {}

  static Snapshot ask(Path socket, Deadline deadline) throws CtlException {
    try (Session session = Session.open(socket, deadline, b -> {})) {
      session.connection().send(SseEncoder.STATUS);
      Incoming.State latest = session.first();
      // Its own window, not what is left of the deadline: the state is in, and a cold JVM may have
      // spent most of the deadline decoding it.
      Deadline window = Deadline.after(ANSWER_WINDOW);
      while (true) {
        Incoming next = session.connection().next(window);
        if (next instanceof Incoming.Status) {
          return new Snapshot(latest, Optional.of(((Incoming.Status) next).report()));
        }
        if (next instanceof Incoming.State) {
          latest = (Incoming.State) next;
        } else if (!(next instanceof Incoming.Other)) {
          // Silence, the connection closed, or the request refused: the state is all there is.
          return new Snapshot(latest, Optional.empty());
        }
      }
    }
  }
}
