package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.stay;
import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.to;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Signal;
import io.harpoon.supervisor.domain.lifecycle.ContainerState.Counters;
import io.harpoon.supervisor.domain.lifecycle.Event.Found;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Rows of the table for the events that bring a container up: supervision begins, the survey of what a
 * predecessor left (take over, clean up, or start afresh — SPEC §8), the spawn and its failure.
 */
final class Starting {

  private Starting() {}

  /** Supervision begins: find out what a predecessor left before anything is started. */
  static Transition onBegan(ContainerState state) {
    return state.phase() == Phase.CREATED ? to(state, new Effect.Survey()) : stay(state);
  }

  static Transition onSurveyed(ContainerState state, Event.Surveyed event) {
    if (state.phase() != Phase.CREATED) {
      return stay(state);
    }
    Found found = event.found();
    if (found instanceof Found.Foreign foreign) {
      String why = "a container with this ID is running from another run directory (" + foreign.bundle()
          + "); it is not taken over: give this container another ID";
      return to(state.withPhase(Phase.FAILED, 0).withError(why));
    }
    // A predecessor's checkpoint counts only while its supervision was going on; a finished one ended.
    Optional<Checkpoint> unfinished = event.journal().filter(Checkpoint::unfinished);
    if (found instanceof Found.Running running) {
      return adopt(state, running, unfinished.filter(c -> c.pid() == running.pid()), event.at());
    }
    boolean stopped = found instanceof Found.Stopped;
    Counters counters = unfinished.map(Starting::resumedCounters).orElse(Counters.ZERO);
    ContainerState afresh = state.withCounters(counters);
    Goal inherited = unfinished.map(Checkpoint::goal).orElse(Goal.UP);
    if (state.goal() != Goal.UP || inherited != Goal.UP) {
      return notStarted(afresh, inherited, stopped);
    }
    Transition start = startAttempt(afresh);
    return stopped ? prepend(new Effect.ReleaseContainer(), start) : start;
  }

  /**
   * A container left running is taken over without a restart, with its predecessor's counters when the
   * journal is about this very process; a stop or kill that was under way goes on.
   */
  private static Transition adopt(
      ContainerState state, Found.Running found, Optional<Checkpoint> journal, Instant at) {
    Counters counters = journal.map(Starting::resumedCounters).orElse(Counters.ZERO);
    long oomBaseline = journal.map(Checkpoint::oomBaseline).orElse(found.oomKills());
    ContainerState running = state.withRun(found.pid(), oomBaseline, at, counters);
    Effect watch = new Effect.WatchExit(found.pid());
    Goal inherited = journal.map(Checkpoint::goal).orElse(Goal.UP);
    if (state.goal() == Goal.KILL || inherited == Goal.KILL) {
      return prepend(watch, Commands.killing(running, at));
    }
    if (state.goal() == Goal.STOP) {
      return prepend(watch, Commands.stopping(running, at));
    }
    if (inherited == Goal.STOP) {
      // The predecessor sent SIGTERM already: only what is left of the shutdown grace remains.
      Instant since = journal.orElseThrow().goalSince();
      return prepend(watch, Commands.stopTimerOnly(running, since, at));
    }
    return to(running, watch);
  }

  /**
   * Nothing runs and nothing may be started: a stop or kill came first (here, or under the predecessor,
   * whose container is gone). Down for good: with the predecessor's goal, its container ended unobserved.
   */
  private static Transition notStarted(ContainerState state, Goal inherited, boolean stopped) {
    ContainerState down = inherited != Goal.UP
        ? new ContainerState(state.settings(), Phase.DOWN, state.run(), state.shutdown(), state.timer(),
            state.counters(), new ExitStatus.Unknown(), "")
        : state.withPhase(Phase.FAILED, 0).withError("stopped before the container was started");
    return stopped ? to(down, new Effect.ReleaseContainer()) : to(down);
  }

  private static Counters resumedCounters(Checkpoint checkpoint) {
    return new Counters(checkpoint.state().restarts(), checkpoint.state().ooms(), 0, checkpoint.cpuBaseNanos());
  }

  /** Ask the runtime for a start, bounded by the startup grace. */
  static Transition startAttempt(ContainerState state) {
    ContainerState starting = state.withPhase(Phase.STARTING, 0).withNewTimer();
    return to(
        starting,
        new Effect.StartContainer(),
        new Effect.ArmTimer(starting.timerToken(), state.settings().startupGrace()));
  }

  static Transition onSpawned(ContainerState state, Event.Spawned event) {
    if (state.phase() != Phase.STARTING) {
      if (event.pid() == state.pid()) {
        return stay(state);
      }
      // A start we gave up on completed after all: make sure nothing runs unsupervised.
      return to(state, new Effect.SendSignal(event.pid(), Signal.KILL));
    }
    ContainerState running = state.withRun(event.pid(), event.oomBaseline(), event.at(), countStart(state));
    Effect watch = new Effect.WatchExit(event.pid());
    return switch (state.goal()) {
      case UP -> to(running, watch);
      case STOP -> prepend(watch, Commands.stopping(running, event.at()));
      case KILL -> prepend(watch, Commands.killing(running, event.at()));
    };
  }

  /** A start after an exit is a restart. */
  private static Counters countStart(ContainerState state) {
    Counters counters = state.counters();
    int restarts = counters.restarts() + (state.lastExit().equals(ExitStatus.NONE) ? 0 : 1);
    return new Counters(restarts, counters.ooms(), counters.quickFailures(), counters.cpuNanos());
  }

  static Transition onSpawnFailed(ContainerState state, Event.SpawnFailed event) {
    if (state.phase() != Phase.STARTING) {
      return stay(state);
    }
    return startFailed(state.withoutTimer(), event.reason(), event.permanent(), new Effect.ReleaseContainer());
  }

  /**
   * A start failed. The first start under this supervisor proves the config: failing there is final, and
   * the client learns why at once. A later start that fails for a reason that may pass (a full disk, a busy
   * runtime) is retried with the back-off, as a crash would be, when the policy restarts; the reason is
   * logged, and {@code err} stays empty because nothing is final yet.
   */
  static Transition startFailed(ContainerState state, String reason, boolean permanent, Effect cleanup) {
    boolean ranBefore = !state.lastExit().equals(ExitStatus.NONE);
    if (state.goal() == Goal.UP && !permanent && ranBefore && state.settings().policy().mayRestart()) {
      Counters counters = state.counters();
      Counters failed = new Counters(counters.restarts(), counters.ooms(), counters.quickFailures() + 1,
          counters.cpuNanos());
      ContainerState waiting = state.withCounters(failed).withPhase(Phase.BACKOFF, 0).withNewTimer();
      Duration delay = state.settings().backoff().delay(failed.quickFailures());
      return to(waiting, cleanup, new Effect.ArmTimer(waiting.timerToken(), delay));
    }
    if (state.goal() != Goal.UP && !state.lastExit().equals(ExitStatus.NONE)) {
      // Stopped while a restart was being made: down, as it last ended.
      return to(state.withPhase(Phase.DOWN, 0), cleanup);
    }
    return to(state.withPhase(Phase.FAILED, 0).withError(reason), cleanup);
  }

  static Transition prepend(Effect first, Transition step) {
    Effect[] effects = new Effect[step.effects().size() + 1];
    effects[0] = first;
    for (int i = 0; i < step.effects().size(); i++) {
      effects[i + 1] = step.effects().get(i);
    }
    return to(step.state(), effects);
  }
}
