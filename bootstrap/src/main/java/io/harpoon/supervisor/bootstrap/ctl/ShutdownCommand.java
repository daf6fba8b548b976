package io.harpoon.supervisor.bootstrap.ctl;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.lifecycle.Command;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.time.Duration;

/**
 * {@code stop} and {@code kill}. The supervisor answers a refused command with {@code event: error}
 * and an accepted one with nothing but state changes, so "accepted" is a silence: without {@code
 * --wait} a refusal is awaited for at most {@link #ANSWER_WINDOW}. With {@code --wait} the answer
 * is the first state with {@code up:false, restarting:false} after the command. The original
 * supervisor never refuses; when the state it sent on connect shows a container that already ran
 * and is down for good, that state is the answer once the answer window passed in silence.
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
    while (true) {
      Incoming next = session.connection().next(window);
      refused(next, command);
      lost(next, command);
      if (next instanceof Incoming.Silence
          || (next instanceof Incoming.State && !((Incoming.State) next).state().restarting())) {
        console.result(command.wireName() + " sent");
        return ExitCode.OK;
      }
    }
  }

  private static ExitCode awaitDown(
      Session session, Command command, Deadline deadline, Console console) throws CtlException {
    ContainerProcessState last = session.first().state();
    boolean settled = downForGood(last) && ranBefore(last);
    while (true) {
      Incoming next =
          session.connection().next(settled ? deadline.within(ANSWER_WINDOW) : deadline);
      refused(next, command);
      lost(next, command);
      if (next instanceof Incoming.State) {
        last = ((Incoming.State) next).state();
        settled = false;
        if (downForGood(last)) {
          return down(console, last, "");
        }
      } else if (next instanceof Incoming.Silence) {
        if (settled) {
          return down(console, last, " (it was down already)");
        }
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

  private static ExitCode down(Console console, ContainerProcessState state, String note) {
    console.result("down, last exit: " + StateText.exit(state.exitStatus()) + note);
    return ExitCode.OK;
  }

  private static boolean downForGood(ContainerProcessState state) {
    return !state.up() && !state.restarting();
  }

  /** A container that never ran may still be starting (restart policy no reads up:false too). */
  private static boolean ranBefore(ContainerProcessState state) {
    return !state.exitStatus().equals(ExitStatus.NONE) || !state.err().isEmpty();
  }

  static void refused(Incoming next, Command command) throws CtlException {
    if (next instanceof Incoming.Refusal) {
      Incoming.Refusal refusal = (Incoming.Refusal) next;
      if (refusal.command().equals(command.wireName())) {
        throw new CtlException(
            ExitCode.REFUSED, command.wireName() + " refused: " + refusal.error());
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
