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
 * @param goal what the supervisor wants of it
 * @param exitWhenDown an OS signal asked the supervisor to terminate once the container is down
 * @param signalsReceived how many SIGTERM/SIGINT the supervisor got
 * @param pid the init process while there is one ({@link Phase#hasProcess()}), else 0
 * @param timerToken the token of the timer this phase waits for, 0 when none
 * @param lastToken the last token handed out; tokens only grow, so a stale timer never matches
 * @param oomBaseline the cgroup's OOM-kill counter when the current run started
 * @param startedAt when the current (or last) run started
 * @param counters restarts, OOM kills and the current series of quick failures
 * @param lastExit how the container last ended
 * @param error why the container could not be started, empty when it could
 * @param cpuBaseNanos CPU time of the finished runs
 * @param runMetrics the latest sample of the current (or last) run
 */
public record ContainerState(
    LifecycleSettings settings,
    Phase phase,
    Goal goal,
    boolean exitWhenDown,
    int signalsReceived,
    int pid,
    long timerToken,
    long lastToken,
    long oomBaseline,
    Instant startedAt,
    Counters counters,
    ExitStatus lastExit,
    String error,
    long cpuBaseNanos,
    Metrics runMetrics) {

  /** Restarts and OOM kills as published, and the length of the current series of quick failures. */
  public record Counters(int restarts, int ooms, int quickFailures) {
    public Counters {
      if (restarts < 0 || ooms < 0 || quickFailures < 0) {
        throw new IllegalArgumentException("counters cannot be negative");
      }
    }
  }

  public ContainerState {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(counters, "counters");
    Objects.requireNonNull(lastExit, "lastExit");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(runMetrics, "runMetrics");
    if (phase.hasProcess() != (pid > 0)) {
      throw new IllegalArgumentException("a pid belongs to a phase with a process: " + phase + "/" + pid);
    }
    if (timerToken < 0 || timerToken > lastToken) {
      throw new IllegalArgumentException("timer token out of range: " + timerToken);
    }
  }

  /** The state before anything happened. */
  public static ContainerState initial(LifecycleSettings settings) {
    return new ContainerState(
        settings, Phase.CREATED, Goal.UP, false, 0, 0, 0, 0, 0, Instant.EPOCH,
        new Counters(0, 0, 0), ExitStatus.NONE, "", 0, Metrics.ZERO);
  }

  /**
   * The state before anything happened, continuing the counters of a supervisor that died while it
   * supervised this container (read back from its journal): restarts, OOM kills and CPU time go on.
   */
  public static ContainerState resumed(LifecycleSettings settings, int restarts, int ooms, long cpuBaseNanos) {
    ContainerState initial = initial(settings);
    return new ContainerState(settings, Phase.CREATED, Goal.UP, false, 0, 0, 0, 0, 0, Instant.EPOCH,
        new Counters(restarts, ooms, 0), ExitStatus.NONE, "", cpuBaseNanos, initial.runMetrics());
  }

  /** The state as published: derived, so it can never disagree with the phase. */
  public ContainerProcessState view() {
    boolean restarting =
        goal == Goal.UP
            && (phase == Phase.BACKOFF
                || (settings.policy().mayRestart()
                    && (phase == Phase.STARTING || phase == Phase.RUNNING)));
    Metrics metrics = runMetrics.withCpuTime(cpuBaseNanos + runMetrics.cpuTimeNanos());
    return new ContainerProcessState(
        phase.hasProcess(), restarting, error, lastExit, counters.restarts(), counters.ooms(), metrics);
  }

  ContainerState withPhase(Phase newPhase, int newPid) {
    return new ContainerState(settings, newPhase, goal, exitWhenDown, signalsReceived, newPid,
        timerToken, lastToken, oomBaseline, startedAt, counters, lastExit, error, cpuBaseNanos, runMetrics);
  }

  ContainerState withGoal(Goal newGoal) {
    return new ContainerState(settings, phase, newGoal, exitWhenDown, signalsReceived, pid,
        timerToken, lastToken, oomBaseline, startedAt, counters, lastExit, error, cpuBaseNanos, runMetrics);
  }

  ContainerState withSignal() {
    return new ContainerState(settings, phase, goal, true, signalsReceived + 1, pid,
        timerToken, lastToken, oomBaseline, startedAt, counters, lastExit, error, cpuBaseNanos, runMetrics);
  }

  /** Hands out a fresh timer token and waits for it. */
  ContainerState withNewTimer() {
    return new ContainerState(settings, phase, goal, exitWhenDown, signalsReceived, pid,
        lastToken + 1, lastToken + 1, oomBaseline, startedAt, counters, lastExit, error, cpuBaseNanos,
        runMetrics);
  }

  ContainerState withoutTimer() {
    return new ContainerState(settings, phase, goal, exitWhenDown, signalsReceived, pid,
        0, lastToken, oomBaseline, startedAt, counters, lastExit, error, cpuBaseNanos, runMetrics);
  }

  ContainerState withError(String newError) {
    return new ContainerState(settings, phase, goal, exitWhenDown, signalsReceived, pid,
        timerToken, lastToken, oomBaseline, startedAt, counters, lastExit, newError, cpuBaseNanos,
        runMetrics);
  }

  ContainerState withRunMetrics(Metrics sample) {
    return new ContainerState(settings, phase, goal, exitWhenDown, signalsReceived, pid,
        timerToken, lastToken, oomBaseline, startedAt, counters, lastExit, error, cpuBaseNanos, sample);
  }

  /** A new run began: counters as given, exit status cleared, usage of the run reset. */
  ContainerState withRun(int newPid, long newOomBaseline, Instant at, Counters newCounters, long cpuBase) {
    return new ContainerState(settings, Phase.RUNNING, goal, exitWhenDown, signalsReceived, newPid,
        0, lastToken, newOomBaseline, at, newCounters, ExitStatus.NONE, "", cpuBase, Metrics.ZERO);
  }

  /** The run ended: the process is gone, its exit and usage are recorded. */
  ContainerState withExit(Phase newPhase, ExitStatus exit, Counters newCounters, long cpuBase,
      Metrics lastRun) {
    return new ContainerState(settings, newPhase, goal, exitWhenDown, signalsReceived, 0,
        0, lastToken, oomBaseline, startedAt, newCounters, exit, error, cpuBase, lastRun);
  }
}
