package io.harpoon.supervisor.bootstrap;

import io.harpoon.supervisor.application.loop.EventLog;
import io.harpoon.supervisor.application.port.out.SupervisorLog;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.container.WaitStatus;
import io.harpoon.supervisor.domain.lifecycle.Command;
import io.harpoon.supervisor.domain.lifecycle.ContainerState;
import io.harpoon.supervisor.domain.lifecycle.Effect;
import io.harpoon.supervisor.domain.lifecycle.Event;
import io.harpoon.supervisor.domain.lifecycle.Lifecycle;
import io.harpoon.supervisor.domain.lifecycle.Transition;
import java.time.Instant;
import java.util.List;

/**
 * A start-up speed device (see {@link StartPath}), the application's {@code RunningHook}: once the
 * container runs, walks the domain once through its ways down — kill, stop, a termination signal, each
 * followed by the kinds of exit — and formats the log lines they would give, into a log that discards
 * them. The JVM loads classes and links call sites (records' toString and equals, lambdas) on their first
 * use, and nothing before the first kill uses these: without the rehearsal that first kill pays for it
 * between the command and the down state (~10 ms on JDK 17, twice the whole kill-to-down budget). Only
 * pure domain calls and string formatting: it carries nothing out, and is safe on any thread.
 */
final class ExitRehearsal {

  private static final List<WaitStatus> ENDINGS =
      List.of(new WaitStatus.Signaled(9), new WaitStatus.Exited(0), new WaitStatus.Unknown());

  /** Where the rehearsal's log lines go: nowhere. */
  private static final SupervisorLog NOWHERE = new SupervisorLog() {
    @Override
    public void info(String message) {}

    @Override
    public void warn(String message) {}
  };

  private ExitRehearsal() {}

  /** Rehearses from {@code running}, a state with a live process, as of {@code at}. */
  static void rehearse(ContainerState running, Instant at) {
    if (!running.phase().hasProcess()) {
      return;
    }
    rehearseFrom(Lifecycle.next(running, new Event.SignalReceived(at)), running.pid(), at);
    for (Command command : List.of(Command.KILL, Command.STOP)) {
      Command.parse(command.wireName()); // as the control adapter reads a client's command
      Event.CommandReceived received = new Event.CommandReceived(command, 0, at);
      EventLog.write(received, NOWHERE);
      rehearseFrom(Lifecycle.next(running, received), running.pid(), at);
    }
  }

  private static void rehearseFrom(Transition goingDown, int pid, Instant at) {
    describe(goingDown);
    for (WaitStatus ending : ENDINGS) {
      Event.Exited exited = new Event.Exited(pid, ending, 0, Metrics.ZERO, at);
      EventLog.write(exited, NOWHERE);
      describe(Lifecycle.next(goingDown.state(), exited));
    }
  }

  private static void describe(Transition transition) {
    for (Effect effect : transition.effects()) {
      if (effect instanceof Effect.Publish publish) {
        EventLog.write(publish.state(), NOWHERE);
      }
    }
  }
}
