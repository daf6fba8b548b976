package io.harpoon.supervisor.domain.lifecycle;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything the lifecycle knows about one container. Immutable; {@link Lifecycle#next} makes the next.
 *
 * @param settings the rules this container runs under
 * @param phase where the container is
 * @param run the current (or last) run of the container's init process
 * @param shutdown what the supervisor wants of the container, and since when
 * @param timer the timer this phase waits for
 * @param counters restarts, OOM kills, the current series of quick failures, CPU time of finished runs
 * @param lastExit how the container last ended
 * @param error why the container could not be started, empty when it could
 */
public record ContainerState(
    LifecycleSettings settings,
    Phase phase,
    Run run,
    Shutdown shutdown,
    Timer timer,
    Counters counters,
    ExitStatus lastExit,
    String error) {

  /**
   * The current (or last) run.
   *
   * @param pid the init process while there is one ({@link Phase#hasProcess()}), else 0
   * @param oomBaseline the cgroup's OOM-kill counter when the run started
   * @param startedAt when the run started
   * @param metrics the latest sample of the run
   */
  public record Run(int pid, long oomBaseline, Instant startedAt, Metrics metrics) {
    static final Run NONE = new Run(0, 0, Instant.EPOCH, Metrics.ZERO);

    public Run {
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(metrics, "metrics");
      if (pid < 0 || oomBaseline < 0) {
        throw new IllegalArgumentException("pid and OOM baseline cannot be negative");
      }
    }
  }

  /**
   * What the supervisor wants of the container (s6's "want up") and why.
   *
   * @param goal up, or how it was asked to go down
   * @param since when the goal was last changed (a stop's shutdown grace runs from there)
   * @param exitWhenDown an OS signal asked the supervisor to terminate once the container is down
   * @param signals how many SIGTERM/SIGINT the supervisor got
   */
  public record Shutdown(Goal goal, Instant since, boolean exitWhenDown, int signals) {
    static final Shutdown NONE = new Shutdown(Goal.UP, Instant.EPOCH, false, 0);

    public Shutdown {
      Objects.requireNonNull(goal, "goal");
      Objects.requireNonNull(since, "since");
    }
  }

  /**
   * Timers are never cancelled: each one armed gets a fresh token, and one whose token is not {@code
   * awaited} is stale.
   *
   * @param awaited the token of the timer this phase waits for, 0 when none
   * @param last the last token handed out; tokens only grow
   */
  public record Timer(long awaited, long last) {
    static final Timer NONE = new Timer(0, 0);

    public Timer {
      if (awaited < 0 || awaited > last) {
        throw new IllegalArgumentException("timer token out of range: " + awaited);
      }
    }

    Timer fresh() {
      return new Timer(last + 1, last + 1);
    }

    Timer none() {
      return new Timer(0, last);
    }
  }

  /**
   * What adds up over the container's runs.
   *
   * @param restarts restarts as published
   * @param ooms OOM kills as published
   * @param quickFailures the length of the current series of quick failures (for the back-off)
   * @param cpuNanos CPU time of the finished runs
   */
  public record Counters(int restarts, int ooms, int quickFailures, long cpuNanos) {
    public static final Counters ZERO = new Counters(0, 0, 0, 0);

    public Counters {
      if (restarts < 0 || ooms < 0 || quickFailures < 0 || cpuNanos < 0) {
        throw new IllegalArgumentException("counters cannot be negative");
      }
    }
  }

  public ContainerState {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(shutdown, "shutdown");
    Objects.requireNonNull(timer, "timer");
    Objects.requireNonNull(counters, "counters");
    Objects.requireNonNull(lastExit, "lastExit");
    Objects.requireNonNull(error, "error");
    if (phase.hasProcess() != (run.pid() > 0)) {
      throw new IllegalArgumentException("a pid belongs to a phase with a process: " + phase + "/" + run.pid());
    }
  }

  /** The state before anything happened: the supervisor will find out what to start, then start it. */
  public static ContainerState initial(LifecycleSettings settings) {
    return new ContainerState(settings, Phase.CREATED, Run.NONE, Shutdown.NONE, Timer.NONE, Counters.ZERO,
        ExitStatus.NONE, "");
  }

  /** The state of a supervisor whose config cannot be used: down for good from the first moment. */
  public static ContainerState rejected(LifecycleSettings settings, String problems) {
    if (problems.isBlank()) {
      throw new IllegalArgumentException("a rejected config needs its problems");
    }
    return new ContainerState(settings, Phase.FAILED, Run.NONE, Shutdown.NONE, Timer.NONE, Counters.ZERO,
        ExitStatus.NONE, problems);
  }

  /**
   * The state as published: derived, so it can never disagree with the phase. {@code up:false} with
   * {@code restarting:false} is only ever seen in a final phase (the container exited for good, or
   * cannot be started): while a start is being prepared or is under way, the container will run.
   */
  public ContainerProcessState view() {
    boolean restarting = switch (phase) {
      case CREATED, STARTING, BACKOFF -> true;
      case RUNNING -> shutdown.goal() == Goal.UP && settings.policy().mayRestart();
      case STOPPING, KILLING, DOWN, FAILED, TERMINATED -> false;
    };
    Metrics metrics = run.metrics().withCpuTime(counters.cpuNanos() + run.metrics().cpuTimeNanos());
    return new ContainerProcessState(
        phase.hasProcess(), restarting, error, lastExit, counters.restarts(), counters.ooms(), metrics);
  }

  /** What a successor needs to take over if this supervisor dies now (SPEC §8). */
  public Checkpoint checkpoint() {
    return new Checkpoint(view(), run.pid(), run.oomBaseline(), counters.cpuNanos(), shutdown.goal(),
        shutdown.since());
  }

  /** The init process while there is one, else 0. */
  public int pid() {
    return run.pid();
  }

  /** What the supervisor wants of the container. */
  public Goal goal() {
    return shutdown.goal();
  }

  /** The token of the awaited timer, 0 when none. */
  public long timerToken() {
    return timer.awaited();
  }

  ContainerState withPhase(Phase newPhase, int newPid) {
    Run newRun = new Run(newPid, run.oomBaseline(), run.startedAt(), run.metrics());
    return new ContainerState(settings, newPhase, newRun, shutdown, timer, counters, lastExit, error);
  }

  ContainerState withGoal(Goal newGoal, Instant at) {
    Shutdown changed = new Shutdown(newGoal, at, shutdown.exitWhenDown(), shutdown.signals());
    return new ContainerState(settings, phase, run, changed, timer, counters, lastExit, error);
  }

  ContainerState withShutdown(Shutdown newShutdown) {
    return new ContainerState(settings, phase, run, newShutdown, timer, counters, lastExit, error);
  }

  /** Hands out a fresh timer token and waits for it. */
  ContainerState withNewTimer() {
    return new ContainerState(settings, phase, run, shutdown, timer.fresh(), counters, lastExit, error);
  }

  ContainerState withoutTimer() {
    return new ContainerState(settings, phase, run, shutdown, timer.none(), counters, lastExit, error);
  }

  ContainerState withError(String newError) {
    return new ContainerState(settings, phase, run, shutdown, timer, counters, lastExit, newError);
  }

  ContainerState withCounters(Counters newCounters) {
    return new ContainerState(settings, phase, run, shutdown, timer, newCounters, lastExit, error);
  }

  ContainerState withRunMetrics(Metrics sample) {
    Run sampled = new Run(run.pid(), run.oomBaseline(), run.startedAt(), sample);
    return new ContainerState(settings, phase, sampled, shutdown, timer, counters, lastExit, error);
  }

  /** A new run began: counters as given, exit status cleared, usage of the run reset. */
  ContainerState withRun(int newPid, long newOomBaseline, Instant at, Counters newCounters) {
    return new ContainerState(settings, Phase.RUNNING, new Run(newPid, newOomBaseline, at, Metrics.ZERO),
        shutdown, timer.none(), newCounters, ExitStatus.NONE, "");
  }

  /** The run ended: the process is gone, its exit and usage are recorded. */
  ContainerState withExit(Phase newPhase, ExitStatus exit, Counters newCounters, Metrics lastRun) {
    Run ended = new Run(0, run.oomBaseline(), run.startedAt(), lastRun);
    return new ContainerState(settings, newPhase, ended, shutdown, timer.none(), newCounters, exit, error);
  }
}
