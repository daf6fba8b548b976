package io.harpoon.supervisor.bootstrap.docs;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.container.WaitStatus;
import io.harpoon.supervisor.domain.lifecycle.Checkpoint;
import io.harpoon.supervisor.domain.lifecycle.Command;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import io.harpoon.supervisor.domain.lifecycle.ContainerState;
import io.harpoon.supervisor.domain.lifecycle.Effect;
import io.harpoon.supervisor.domain.lifecycle.Event;
import io.harpoon.supervisor.domain.lifecycle.Event.Found;
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
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;

/**
 * The lifecycle's phase graph, found by running {@link Lifecycle#next} rather than written down: a
 * breadth-first search from the initial states (a usable config under every restart policy, and a
 * rejected one), feeding each state a representative event of every kind, and recording {@code PHASE
 * --event--> PHASE} whenever the phase changes, and in each phase what a client sees there. States are
 * told apart by what steers the next phase (policy, phase, goal, pending signal count, armed timer,
 * whether it ran before), not by counters or metrics, so the search ends.
 */
final class LifecycleGraph {

  /** One transition between two different phases. */
  record Edge(Phase from, String label, Phase to) {}

  /** What a client sees in a phase: the published {@code up} and {@code restarting}, and {@code exit}. */
  record Seen(boolean up, boolean restarting, boolean exitAccepted) {}

  /** The transitions, and what clients saw in each phase reached. */
  record Graph(Set<Edge> edges, Map<Phase, Set<Seen>> seen) {}

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
          state.shutdown().exitWhenDown(),
          Math.min(state.shutdown().signals(), 2),
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

  /** Every phase-changing transition reachable from the initial states, and what clients see. */
  static Graph explore() {
    Set<Edge> edges = new TreeSet<>(ORDER);
    Map<Phase, Set<Seen>> seen = new EnumMap<>(Phase.class);
    Set<Key> visited = new HashSet<>();
    Queue<ContainerState> queue = new ArrayDeque<>(initialStates());
    while (!queue.isEmpty()) {
      ContainerState state = queue.poll();
      if (visited.add(Key.of(state))) {
        seen.computeIfAbsent(state.phase(), p -> new TreeSet<>(SEEN_ORDER)).add(seen(state));
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
    return new Graph(edges, seen);
  }

  private static final Comparator<Seen> SEEN_ORDER = Comparator.comparing(Seen::up)
      .thenComparing(Seen::restarting).thenComparing(Seen::exitAccepted);

  /** Asks the domain, as a client would: the published view, and whether {@code exit} is refused. */
  private static Seen seen(ContainerState state) {
    ContainerProcessState view = state.view();
    List<Effect> effects = Lifecycle.next(state, new Event.CommandReceived(Command.EXIT, 1, AT)).effects();
    boolean refused = effects.stream().anyMatch(Effect.Reject.class::isInstance);
    return new Seen(view.up(), view.restarting(), !refused);
  }

  /** The states before anything happened: under each restart policy, and with a rejected config. */
  private static List<ContainerState> initialStates() {
    List<ContainerState> states = new ArrayList<>();
    for (RestartPolicy policy : RestartPolicy.values()) {
      LifecycleSettings settings =
          new LifecycleSettings(policy, Duration.ofSeconds(30), Duration.ofSeconds(10), Backoff.DEFAULT);
      states.add(ContainerState.initial(settings));
      states.add(ContainerState.rejected(settings, "invalid config"));
    }
    return states;
  }

  /** One event of every kind, aimed at {@code state}'s process and timer where it has them. */
  private static List<Event> eventsFor(ContainerState state) {
    List<Event> events =
        new ArrayList<>(
            List.of(
                new Event.Began(AT),
                new Event.Spawned(PID, 0, AT),
                new Event.SpawnFailed("runtime failed", false, AT),
                new Event.SpawnFailed("unsafe rootfs", true, AT),
                new Event.MetricsTick(AT),
                new Event.MetricsSampled(new Metrics(1, 1, 1), AT),
                new Event.SignalReceived(AT)));
    events.addAll(surveys());
    for (Command command : Command.values()) {
      events.add(new Event.CommandReceived(command, 1, AT));
    }
    events.addAll(exits(state));
    if (state.timerToken() != 0) {
      events.add(new Event.TimerFired(state.timerToken(), AT));
    }
    return events;
  }

  /** What a survey can find, with no journal and with a predecessor's stop under way. */
  private static List<Event> surveys() {
    ContainerProcessState up = new ContainerProcessState(true, false, "", ExitStatus.NONE, 0, 0, Metrics.ZERO);
    Optional<Checkpoint> stopping = Optional.of(new Checkpoint(up, PID, 0, 0, Goal.STOP, AT));
    List<Event> events = new ArrayList<>();
    for (Found found : List.of(new Found.Nothing(), new Found.Stopped(), new Found.Running(PID, 0),
        new Found.Foreign("/elsewhere"))) {
      events.add(new Event.Surveyed(found, Optional.empty(), AT));
      events.add(new Event.Surveyed(found, stopping, AT));
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
    if (event instanceof Event.CommandReceived command) {
      return command.command().wireName();
    }
    if (event instanceof Event.SignalReceived) {
      return "SIGTERM or SIGINT";
    }
    if (event instanceof Event.TimerFired) {
      return timerLabel(state.phase());
    }
    if (event instanceof Event.Surveyed surveyed) {
      return surveyLabel(surveyed);
    }
    if (event instanceof Event.SpawnFailed failed) {
      return failed.permanent() ? "start refused" : "start failed";
    }
    String name = event.getClass().getSimpleName();
    return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  private static String surveyLabel(Event.Surveyed surveyed) {
    String found;
    if (surveyed.found() instanceof Found.Running) {
      found = "found running";
    } else if (surveyed.found() instanceof Found.Foreign) {
      found = "found another run dir's";
    } else {
      found = "nothing running found";
    }
    return found;
  }

  /**
   * Why the same event leads elsewhere: a stop or kill that waited for the start, or a fact that
   * ends the supervisor because a signal asked it to exit once the container is down.
   */
  private static String note(ContainerState state, Event event, ContainerState next) {
    if (event instanceof Event.Spawned && state.goal() != Goal.UP) {
      return " (" + state.goal().name().toLowerCase(Locale.ROOT) + " pending)";
    }
    boolean journaledStop = event instanceof Event.Surveyed surveyed
        && surveyed.journal().map(j -> j.goal() != Goal.UP).orElse(false);
    if (event instanceof Event.Surveyed && (state.goal() != Goal.UP || journaledStop)) {
      return next.phase() == Phase.TERMINATED ? " (stop pending, shutting down)" : " (stop or kill pending)";
    }
    boolean fact =
        !(event instanceof Event.CommandReceived || event instanceof Event.SignalReceived);
    return fact && next.phase() == Phase.TERMINATED ? " (shutting down)" : "";
  }

  private static String timerLabel(Phase phase) {
    return switch (phase) {
      case STARTING -> "startup grace over";
      case STOPPING -> "shutdown grace over";
      case BACKOFF -> "restart delay over";
      case CREATED, RUNNING, KILLING, DOWN, FAILED, TERMINATED -> "timer";
    };
  }
}
