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
public final class EventLog {

  private EventLog() {}

  /** Logs {@code event} at the level it deserves. */
  public static void write(Event event, SupervisorLog log) {
    if (event instanceof Event.SpawnFailed failed) {
      log.error("container failed to start: " + failed.reason()
          + (failed.permanent() ? " (refused for good)" : ""));
    } else {
      describe(event).ifPresent(log::info);
    }
  }

  /**
   * Logs a published state that changed more than its metrics; an OOM kill, which only the lifecycle
   * can tell from another SIGKILL, is said first, as an error.
   */
  public static void write(ContainerProcessState state, SupervisorLog log) {
    if (!state.err().isEmpty()) {
      // A rejected config has no event of its own: its first published state says it.
      log.error("not starting: " + state.err());
    }
    if (state.exitStatus() instanceof ExitStatus.OomKilled) {
      long limit = state.metrics().memoryLimitBytes();
      log.error("the container was OOM-killed: it exceeded its memory limit"
          + (limit > 0 ? " of " + OperatorWords.bytes(limit) : "") + " (ooms=" + state.ooms() + ")");
    }
    log.info(describe(state));
  }

  static Optional<String> describe(Event event) {
    if (event instanceof Event.Surveyed surveyed) {
      return Optional.of(describe(surveyed.found()));
    } else if (event instanceof Event.Spawned spawned) {
      return Optional.of("container started, pid " + spawned.pid());
    } else if (event instanceof Event.Exited exited) {
      return Optional.of("process " + exited.pid() + " ended: " + OperatorWords.exit(exited.status()));
    } else if (event instanceof Event.CommandReceived command) {
      return Optional.of("command " + command.command().wireName());
    } else if (event instanceof Event.SignalReceived) {
      return Optional.of("termination signal received");
    }
    return Optional.empty();
  }

  private static String describe(Event.Found found) {
    if (found instanceof Event.Found.Running running) {
      return "found the container running, pid " + running.pid() + ": taking it over";
    } else if (found instanceof Event.Found.Stopped) {
      return "found the container stopped: removing it, then starting container";
    } else if (found instanceof Event.Found.Foreign foreign) {
      return "a container with this ID belongs to " + foreign.bundle() + ": not touching it";
    }
    return "starting container";
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
