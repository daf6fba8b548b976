package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.stay;
import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.terminateIfAsked;
import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.to;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.lifecycle.ContainerState.Counters;
import io.harpoon.supervisor.domain.restart.Backoff;
import java.time.Duration;

/** The row of the table for the container's exit: record it, then restart by policy or stay down. */
final class Exiting {

  private Exiting() {}

  static Transition onExited(ContainerState state, Event.Exited event) {
    if (!state.phase().hasProcess() || event.pid() != state.pid()) {
      return stay(state);
    }
    ExitStatus exit = ExitStatus.of(event.status(), event.oomKills() > state.oomBaseline());
    Counters counters = count(state, exit, Duration.between(state.startedAt(), event.at()));
    long runCpu = Math.max(state.runMetrics().cpuTimeNanos(), event.finalSample().cpuTimeNanos());
    Metrics lastRun = state.runMetrics().withCpuTime(0);
    long cpuBase = state.cpuBaseNanos() + runCpu;
    boolean restart = state.goal() == Goal.UP && state.settings().policy().restartsAfter(exit.isFailure());
    if (!restart) {
      ContainerState down = state.withExit(Phase.DOWN, exit, counters, cpuBase, lastRun);
      return terminateIfAsked(to(down, new Effect.ReleaseContainer()));
    }
    ContainerState waiting =
        state.withExit(Phase.BACKOFF, exit, counters, cpuBase, lastRun).withNewTimer();
    Duration delay = state.settings().backoff().delay(counters.quickFailures());
    return to(waiting, new Effect.ReleaseContainer(), new Effect.ArmTimer(waiting.timerToken(), delay));
  }

  /** OOM kills add up; a run shorter than the backoff's reset time extends the failure series. */
  private static Counters count(ContainerState state, ExitStatus exit, Duration uptime) {
    Counters counters = state.counters();
    Backoff backoff = state.settings().backoff();
    int ooms = counters.ooms() + (exit instanceof ExitStatus.OomKilled ? 1 : 0);
    int quick = backoff.resets(uptime) ? 1 : counters.quickFailures() + 1;
    return new Counters(counters.restarts(), ooms, quick);
  }
}
