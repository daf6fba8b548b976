package io.harpoon.supervisor.bootstrap.docs;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.container.WaitStatus;
import io.harpoon.supervisor.domain.lifecycle.Command;
import io.harpoon.supervisor.domain.lifecycle.ContainerState;
import io.harpoon.supervisor.domain.lifecycle.Event;
import io.harpoon.supervisor.domain.lifecycle.Goal;
import io.harpoon.supervisor.domain.lifecycle.Lifecycle;
import io.harpoon.supervisor.domain.lifecycle.LifecycleSettings;
import io.harpoon.supervisor.domain.lifecycle.Phase;
import io.harpoon.supervisor.domain.restart.Backoff;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;

/**
 * The lifecycle's phase graph, found by running {@link Lifecycle#next} rather than written down: a
 * breadth-first search from the initial state under every restart policy, feeding each state a
 * representative event of every kind, and recording {@code PHASE --event--> PHASE} whenever the
 * phase changes. States are told apart by what steers the next phase (policy, phase, goal, pending
 * signal count, armed timer, whether it ran before), not by counters or metrics, so the search
 * ends.
 */
final class LifecycleGraph {

  /** One transition between two different phases. */
  record Edge(Phase from, String label, Phase to) {}

  /** What decides where a state can go next; counters, times and metrics do not. */
  private record Key(
      RestartPolicy policy,
      Phase phase,
      Goal goal,
      boolean exitWhenDown,
      int signals,
      boolean timerArmed,
      boolean ranBefore,
      boolean failed) {

    static Key of(ContainerState state) {
      return new Key(
          state.settings().policy(),
          state.phase(),
          state.goal(),
          state.exitWhenDown(),
          Math.min(state.signalsReceived(), 2),
          state.timerToken() != 0,
          state.counters().restarts() > 0 || !state.lastExit().equals(ExitStatus.NONE),
          !state.error().isEmpty());
    }
  }

  /** Transitions in a fixed order: by source phase, then target phase, then label. */
  static final Comparator<Edge> ORDER =
      Comparator.comparing(Edge::from).thenComparing(Edge::to).thenComparing(Edge::label);

  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
  private static final int PID = 4242;

  private LifecycleGraph() {}

  /** Every phase-changing transition reachable from the initial state. */
  static Set<Edge> explore() {
    Set<Edge> edges = new TreeSet<>(ORDER);
    Set<Key> seen = new HashSet<>();
    Queue<ContainerState> queue = new ArrayDeque<>(initialStates());
    while (!queue.isEmpty()) {
      ContainerState state = queue.poll();
      if (seen.add(Key.of(state))) {
        for (Event event : eventsFor(state)) {
          ContainerState next = Lifecycle.next(state, event).state();
          if (next.phase() != state.phase()) {
            String label = label(state, event) + note(state, event, next);
            edges.add(new Edge(state.phase(), label, next.phase()));
          }
          queue.add(next);
        }
      }
    }
    return edges;
  }

  /** The state before anything happened, under each restart policy. */
  private static List<ContainerState> initialStates() {
    List<ContainerState> states = new ArrayList<>();
    for (RestartPolicy policy : RestartPolicy.values()) {
      Duration startup = Duration.ofSeconds(30);
      Duration shutdown = Duration.ofSeconds(10);
      states.add(
          ContainerState.initial(
              new LifecycleSettings(policy, startup, shutdown, Backoff.DEFAULT)));
    }
    return states;
  }

  /** One event of every kind, aimed at {@code state}'s process and timer where it has them. */
  private static List<Event> eventsFor(ContainerState state) {
    List<Event> events =
        new ArrayList<>(
            List.of(
                new Event.StartRequested(AT),
                new Event.ConfigRejected("invalid config", AT),
                new Event.Adopted(PID, 0, 0, 0, 0, AT),
                new Event.Spawned(PID, 0, AT),
                new Event.SpawnFailed("runtime failed", AT),
                new Event.MetricsTick(AT),
                new Event.MetricsSampled(new Metrics(1, 1, 1), AT),
                new Event.SignalReceived(AT)));
    for (Command command : Command.values()) {
      events.add(new Event.CommandReceived(command, 1, AT));
    }
    events.addAll(exits(state));
    if (state.timerToken() != 0) {
      events.add(new Event.TimerFired(state.timerToken(), AT));
    }
    return events;
  }

  /** A clean exit, a failure and a kill of the state's process, if it has one. */
  private static List<Event> exits(ContainerState state) {
    List<Event> exits = new ArrayList<>();
    if (state.pid() > 0) {
      for (WaitStatus status :
          List.of(new WaitStatus.Exited(0), new WaitStatus.Exited(1), new WaitStatus.Signaled(9))) {
        exits.add(new Event.Exited(state.pid(), status, 0, Metrics.ZERO, AT.plusSeconds(1)));
      }
    }
    return exits;
  }

  /** The event in the operator's words; a timer is named by what it waits for in that phase. */
  private static String label(ContainerState state, Event event) {
    if (event instanceof Event.CommandReceived) {
      return ((Event.CommandReceived) event).command().wireName();
    }
    if (event instanceof Event.SignalReceived) {
      return "SIGTERM or SIGINT";
    }
    if (event instanceof Event.TimerFired) {
      return timerLabel(state.phase());
    }
    String name = event.getClass().getSimpleName();
    return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  /**
   * Why the same event leads elsewhere: a stop or kill that waited for the start, or a fact that
   * ends the supervisor because a signal asked it to exit once the container is down.
   */
  private static String note(ContainerState state, Event event, ContainerState next) {
    if (event instanceof Event.Spawned && state.goal() != Goal.UP) {
      return " (" + state.goal().name().toLowerCase(Locale.ROOT) + " pending)";
    }
    boolean fact =
        !(event instanceof Event.CommandReceived || event instanceof Event.SignalReceived);
    return fact && next.phase() == Phase.TERMINATED ? " (shutting down)" : "";
  }

  private static String timerLabel(Phase phase) {
    switch (phase) {
      case STARTING:
        return "startup grace over";
      case STOPPING:
        return "shutdown grace over";
      case BACKOFF:
        return "restart delay over";
      default:
        return "timer";
    }
  }
}
