package io.harpoon.supervisor.application.loop;

import io.harpoon.supervisor.application.port.out.SupervisorLog;
import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import io.harpoon.supervisor.domain.lifecycle.Event;
import java.util.Optional;

/**
 * One readable log line per event worth an operator's attention, and per published state. What an
 * operator must act on is an error: a config refused, a start that failed, an OOM kill.
 */
final class EventLog {

  private EventLog() {}

  /** Logs {@code event} at the level it deserves. */
  static void write(Event event, SupervisorLog log) {
    if (event instanceof Event.ConfigRejected) {
      log.error("not starting: " + ((Event.ConfigRejected) event).problems());
    } else if (event instanceof Event.SpawnFailed) {
      log.error("container failed to start: " + ((Event.SpawnFailed) event).reason());
    } else {
      describe(event).ifPresent(log::info);
    }
  }

  /**
   * Logs a published state that changed more than its metrics; an OOM kill, which only the lifecycle
   * can tell from another SIGKILL, is said first, as an error.
   */
  static void write(ContainerProcessState state, SupervisorLog log) {
    if (state.exitStatus() instanceof ExitStatus.OomKilled) {
      long limit = state.metrics().memoryLimitBytes();
      log.error("the container was OOM-killed: it exceeded its memory limit"
          + (limit > 0 ? " of " + OperatorWords.bytes(limit) : "") + " (ooms=" + state.ooms() + ")");
    }
    log.info(describe(state));
  }

  static Optional<String> describe(Event event) {
    if (event instanceof Event.StartRequested) {
      return Optional.of("starting container");
    } else if (event instanceof Event.Spawned) {
      return Optional.of("container started, pid " + ((Event.Spawned) event).pid());
    } else if (event instanceof Event.Exited) {
      Event.Exited exited = (Event.Exited) event;
      return Optional.of("process " + exited.pid() + " ended: " + OperatorWords.exit(exited.status()));
    } else if (event instanceof Event.CommandReceived) {
      return Optional.of("command " + ((Event.CommandReceived) event).command().wireName());
    } else if (event instanceof Event.SignalReceived) {
      return Optional.of("termination signal received");
    } else if (event instanceof Event.Adopted) {
      return Optional.of("adopted running container, pid " + ((Event.Adopted) event).pid());
    }
    return Optional.empty();
  }

  /** {@code state up=false restarting=true restarts=1 ooms=0 last_exit="exited 3"}, logfmt style. */
  static String describe(ContainerProcessState state) {
    StringBuilder line = new StringBuilder("state up=").append(state.up())
        .append(" restarting=").append(state.restarting())
        .append(" restarts=").append(state.restarts())
        .append(" ooms=").append(state.ooms());
    if (!state.exitStatus().equals(ExitStatus.NONE)) {
      line.append(" last_exit=").append(quoted(OperatorWords.exit(state.exitStatus())));
    }
    if (!state.err().isEmpty()) {
      line.append(" err=").append(quoted(state.err()));
    }
    return line.toString();
  }

  private static String quoted(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
