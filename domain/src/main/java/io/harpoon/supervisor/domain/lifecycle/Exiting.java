package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.stay;
import static io.harpoon.supervisor.domain.lifecycle.Lifecycle.to;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.container.Signal;
import io.harpoon.supervisor.domain.container.WaitStatus;
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
    ExitStatus exit = ExitStatus.of(event.status(), oomKillObserved(state, event));
    long runCpu = Math.max(state.run().metrics().cpuTimeNanos(), event.finalSample().cpuTimeNanos());
    Counters counters = count(state, exit, Duration.between(state.run().startedAt(), event.at()), runCpu);
    Metrics lastRun = state.run().metrics().withCpuTime(0);
    boolean restart = state.goal() == Goal.UP && state.settings().policy().restartsAfter(exit.isFailure());
    if (!restart) {
      ContainerState down = state.withExit(Phase.DOWN, exit, counters, lastRun);
      return to(down, new Effect.ReleaseContainer());
    }
    ContainerState waiting = state.withExit(Phase.BACKOFF, exit, counters, lastRun).withNewTimer();
    Duration delay = state.settings().backoff().delay(counters.quickFailures());
    return to(waiting, new Effect.ReleaseContainer(), new Effect.ArmTimer(waiting.timerToken(), delay));
  }

  /**
   * Whether the OOM killer ended the run: its counter rose during the run — unless the supervisor sent
   * the SIGKILL itself (a kill, or a stop's grace ran out) and that is how the process ended; a child
   * killed by the OOM killer earlier in the run does not turn the operator's kill into an OOM kill.
   */
  private static boolean oomKillObserved(ContainerState state, Event.Exited event) {
    boolean killedByUs = state.phase() == Phase.KILLING
        && event.status().equals(new WaitStatus.Signaled(Signal.KILL.number()));
    return !killedByUs && event.oomKills() > state.run().oomBaseline();
  }

  /** OOM kills add up; a run shorter than the backoff's reset time extends the failure series. */
  private static Counters count(ContainerState state, ExitStatus exit, Duration uptime, long runCpu) {
    Counters counters = state.counters();
    Backoff backoff = state.settings().backoff();
    int ooms = counters.ooms() + (exit instanceof ExitStatus.OomKilled ? 1 : 0);
    int quick = backoff.resets(uptime) ? 1 : counters.quickFailures() + 1;
    return new Counters(counters.restarts(), ooms, quick, counters.cpuNanos() + runCpu);
  }
}
