package io.harpoon.supervisor.application.loop;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import io.harpoon.supervisor.domain.lifecycle.Event;
import java.util.Optional;

/** One readable log line per event worth an operator's attention, and per published state. */
final class EventLog {

  private EventLog() {}

  static Optional<String> describe(Event event) {
    if (event instanceof Event.Surveyed surveyed) {
      return Optional.of(describe(surveyed.found()));
    } else if (event instanceof Event.Spawned spawned) {
      return Optional.of("container started, pid " + spawned.pid());
    } else if (event instanceof Event.SpawnFailed failed) {
      return Optional.of("container failed to start: " + failed.reason());
    } else if (event instanceof Event.Exited exited) {
      return Optional.of("process " + exited.pid() + " ended: " + exited.status());
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

  static String describe(ContainerProcessState state) {
    StringBuilder line = new StringBuilder("state up=").append(state.up())
        .append(" restarting=").append(state.restarting())
        .append(" restarts=").append(state.restarts())
        .append(" ooms=").append(state.ooms());
    if (!state.exitStatus().equals(ExitStatus.NONE)) {
      line.append(" last_exit=").append(state.exitStatus());
    }
    if (!state.err().isEmpty()) {
      line.append(" err=").append(state.err());
    }
    return line.toString();
  }
}
