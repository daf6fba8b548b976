package io.harpoon.supervisor.application.loop;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import io.harpoon.supervisor.domain.lifecycle.Event;
import java.util.Optional;

/** One readable log line per event worth an operator's attention, and per published state. */
final class EventLog {

  private EventLog() {}

  static Optional<String> describe(Event event) {
    if (event instanceof Event.StartRequested) {
      return Optional.of("starting container");
    } else if (event instanceof Event.ConfigRejected) {
      return Optional.of("not starting: " + ((Event.ConfigRejected) event).problems());
    } else if (event instanceof Event.Spawned) {
      return Optional.of("container started, pid " + ((Event.Spawned) event).pid());
    } else if (event instanceof Event.SpawnFailed) {
      return Optional.of("container failed to start: " + ((Event.SpawnFailed) event).reason());
    } else if (event instanceof Event.Exited) {
      Event.Exited exited = (Event.Exited) event;
      return Optional.of("process " + exited.pid() + " ended: " + exited.status());
    } else if (event instanceof Event.CommandReceived) {
      return Optional.of("command " + ((Event.CommandReceived) event).command().wireName());
    } else if (event instanceof Event.SignalReceived) {
      return Optional.of("termination signal received");
    } else if (event instanceof Event.Adopted) {
      return Optional.of("adopted running container, pid " + ((Event.Adopted) event).pid());
    }
    return Optional.empty();
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
