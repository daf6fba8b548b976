package io.harpoon.supervisor.bootstrap.ctl;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.lifecycle.Command;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.time.Duration;

/**
 * {@code stop} and {@code kill}, idempotent as {@code sv down} and {@code systemctl stop} are: a
 * container that is down for good already is reported {@code already down} with exit 0, and nothing
 * is sent. The supervisor answers a refused command with {@code event: error} and an accepted one
 * with nothing but state changes, so "accepted" is a silence: without {@code --wait} a refusal is
 * awaited for at most {@link #ANSWER_WINDOW}. With {@code --wait} the answer is the first state with
 * {@code up:false, restarting:false} after the command. A refusal that comes because the container
 * went down meanwhile is followed by that down state: then it is "already down" too.
 */
final class ShutdownCommand {

  /**
   * How long a supervisor has to refuse a command before harpoonctl takes silence for acceptance.
   */
  static final Duration ANSWER_WINDOW = Duration.ofMillis(500);

  private ShutdownCommand() {}

  static ExitCode run(CtlOptions options, Console console) throws CtlException {
    Command command = options.action() == Action.STOP ? Command.STOP : Command.KILL;
    Deadline deadline = Deadline.after(options.timeout());
    try (Session session = Session.open(options.socket(), deadline, b -> {})) {
      ContainerProcessState first = session.first().state();
      if (downForGood(first) && ranBefore(first)) {
        return alreadyDown(console, first);
      }
      session.connection().send(command);
      if (!options.await()) {
        return awaitRefusal(session, command, deadline.within(ANSWER_WINDOW), console);
      }
      return awaitDown(session, command, deadline, console);
    }
  }

  /** Silence, or a state that shows no restart is coming, means the command was taken. */
  private static ExitCode awaitRefusal(
      Session session, Command command, Deadline window, Console console) throws CtlException {
    ContainerProcessState last = session.first().state();
    while (true) {
      Incoming next = session.connection().next(window);
      if (next instanceof Incoming.Refusal) {
        return refusedUnlessDown(session, command, (Incoming.Refusal) next, last, console);
      }
      lost(next, command);
      if (next instanceof Incoming.State) {
        last = ((Incoming.State) next).state();
      }
      if (next instanceof Incoming.Silence
          || (next instanceof Incoming.State && !last.restarting())) {
        console.result(command.wireName() + " sent");
        return ExitCode.OK;
      }
    }
  }

  private static ExitCode awaitDown(
      Session session, Command command, Deadline deadline, Console console) throws CtlException {
    ContainerProcessState last = session.first().state();
    while (true) {
      Incoming next = session.connection().next(deadline);
      if (next instanceof Incoming.Refusal) {
        return refusedUnlessDown(session, command, (Incoming.Refusal) next, last, console);
      }
      lost(next, command);
      if (next instanceof Incoming.State) {
        last = ((Incoming.State) next).state();
        if (downForGood(last)) {
          console.result("down, last exit: " + StateText.exit(last.exitStatus()));
          return ExitCode.OK;
        }
      } else if (next instanceof Incoming.Silence) {
        throw new CtlException(
            ExitCode.TIMEOUT,
            "the container is not down after "
                + deadline.describe()
                + " (last state: "
                + StateText.condition(last)
                + ")");
      }
    }
  }

  /**
   * A refusal of our command. The supervisor refuses stop and kill when the container is down for
   * good; the state that says so may follow the refusal on the wire, so it is awaited briefly.
   */
  private static ExitCode refusedUnlessDown(Session session, Command command,
      Incoming.Refusal refusal, ContainerProcessState last, Console console) throws CtlException {
    if (!refusal.command().equals(command.wireName())) {
      throw refused(command, refusal);
    }
    ContainerProcessState latest = last;
    Deadline window = Deadline.after(ANSWER_WINDOW);
    while (!downForGood(latest)) {
      Incoming next = session.connection().next(window);
      if (!(next instanceof Incoming.State)) {
        throw refused(command, refusal);
      }
      latest = ((Incoming.State) next).state();
    }
    return alreadyDown(console, latest);
  }

  private static ExitCode alreadyDown(Console console, ContainerProcessState state) {
    console.result("already down, last exit: " + StateText.exit(state.exitStatus())
        + (state.err().isEmpty() ? "" : " (it failed: " + Printable.text(state.err()) + ")"));
    return ExitCode.OK;
  }

  private static boolean downForGood(ContainerProcessState state) {
    return !state.up() && !state.restarting();
  }

  /** A container that never ran may still be starting (restart policy no reads up:false too). */
  private static boolean ranBefore(ContainerProcessState state) {
    return !state.exitStatus().equals(ExitStatus.NONE) || !state.err().isEmpty();
  }

  private static CtlException refused(Command command, Incoming.Refusal refusal) {
    return new CtlException(
        ExitCode.REFUSED, command.wireName() + " refused: " + Printable.text(refusal.error()));
  }

  /** A refusal of {@code command}, for commands that are not idempotent ({@code exit}). */
  static void refused(Incoming next, Command command) throws CtlException {
    if (next instanceof Incoming.Refusal) {
      Incoming.Refusal refusal = (Incoming.Refusal) next;
      if (refusal.command().equals(command.wireName())) {
        throw refused(command, refusal);
      }
    }
  }

  private static void lost(Incoming next, Command command) throws CtlException {
    if (next instanceof Incoming.Closed) {
      throw new CtlException(
          ExitCode.UNREACHABLE,
          "the supervisor closed the connection; "
              + "it may not have carried out "
              + command.wireName());
    }
  }
}
