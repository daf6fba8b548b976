package io.harpoon.supervisor.domain.lifecycle;

import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.container.WaitStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.harpoon.supervisor.domain.container.ExitStatus;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A seeded source of plausible and implausible events for random walks: mostly what the shell would
 * report next (the spawn that was asked for, the exit of the live pid, the awaited timer), mixed with
 * noise (wrong pids, stale tokens, late spawns, duplicate commands). Times only move forward. It models
 * the cgroup too: CPU time grows within a run and the OOM-kill counter only grows.
 */
final class RandomEvents {

  private final SplittableRandom random;
  private Instant now = LifecycleEvents.T0;
  private int nextPid = 100;
  private long runCpu;
  private long oomKills;
  private final List<Long> tokensSeen = new ArrayList<>();

  RandomEvents(SplittableRandom random) {
    this.random = random;
  }

  /** The next event for {@code state}. */
  Event next(ContainerState state) {
    now = now.plusMillis(random.nextInt(4) == 0 ? random.nextInt(20_000) : random.nextInt(1_500));
    List<Choice> choices = choices(state);
    int total = choices.stream().mapToInt(Choice::weight).sum();
    int pick = random.nextInt(total);
    for (Choice choice : choices) {
      pick -= choice.weight();
      if (pick < 0) {
        return choice.event().get();
      }
    }
    throw new AssertionError("weights");
  }

  /** Learns from a transition what the shell would: armed tokens, a new run's fresh cgroup counters. */
  void observe(ContainerState before, Transition step) {
    step.effects().stream().filter(Effect.ArmTimer.class::isInstance)
        .forEach(e -> tokensSeen.add(((Effect.ArmTimer) e).token()));
    if (step.state().pid() != before.pid() && step.state().phase().hasProcess()) {
      runCpu = 0;
    }
  }

  private List<Choice> choices(ContainerState state) {
    List<Choice> choices = new ArrayList<>();
    addProcessFacts(state, choices);
    choices.add(new Choice(state.timerToken() > 0 ? 15 : 0,
        () -> new Event.TimerFired(state.timerToken(), now)));
    choices.add(new Choice(4, this::staleTimer));
    choices.add(new Choice(8, () -> new Event.MetricsTick(now)));
    choices.add(new Choice(10, this::sample));
    choices.add(new Choice(4, () -> command(Command.STOP)));
    choices.add(new Choice(3, () -> command(Command.KILL)));
    choices.add(new Choice(state.phase().isFinal() ? 6 : 3, () -> command(Command.EXIT)));
    choices.add(new Choice(2, () -> new Event.SignalReceived(now)));
    choices.add(new Choice(state.phase() == Phase.CREATED ? 10 : 2, () -> new Event.Began(now)));
    choices.add(new Choice(state.phase() == Phase.CREATED ? 20 : 2, this::surveyed));
    return choices;
  }

  /** Spawns (asked for, or late), spawn failures, exits of the live pid or of others, adoptions. */
  private void addProcessFacts(ContainerState state, List<Choice> choices) {
    boolean awaitingSpawn = state.phase() == Phase.STARTING;
    int otherPid = state.pid() > 0 ? state.pid() + 1 + random.nextInt(3) : Math.max(1, nextPid - 1);
    choices.add(new Choice(awaitingSpawn ? 30 : 2, () -> new Event.Spawned(nextPid++, oomKills, now)));
    choices.add(new Choice(awaitingSpawn ? 5 : 2,
        () -> new Event.SpawnFailed("runc: boom", random.nextInt(4) == 0, now)));
    choices.add(new Choice(state.phase().hasProcess() ? 20 : 0, () -> exit(state.pid())));
    choices.add(new Choice(3, () -> exit(otherPid)));
  }

  private Event exit(int pid) {
    WaitStatus status;
    switch (random.nextInt(5)) {
      case 0:
        status = new WaitStatus.Exited(0);
        break;
      case 1:
        status = new WaitStatus.Exited(1 + random.nextInt(255));
        break;
      case 2:
        oomKills += random.nextInt(2);
        status = new WaitStatus.Signaled(9);
        break;
      case 3:
        status = new WaitStatus.Signaled(1 + random.nextInt(64));
        break;
      default:
        status = new WaitStatus.Unknown();
    }
    Metrics last = random.nextBoolean() ? Metrics.ZERO : new Metrics(runCpu + random.nextInt(1_000), 1, 2);
    return new Event.Exited(pid, status, oomKills, last, now);
  }

  /**
   * What a survey finds: mostly nothing; sometimes a container left running (with a journal about it or
   * about another pid), a stopped one, or another run directory's; and a journal that may be finished.
   */
  private Event surveyed() {
    int pid = nextPid++;
    Event.Found found = switch (random.nextInt(6)) {
      case 0, 1 -> new Event.Found.Nothing();
      case 2 -> new Event.Found.Stopped();
      case 3, 4 -> new Event.Found.Running(pid, oomKills);
      default -> new Event.Found.Foreign("/run/elsewhere");
    };
    Optional<Checkpoint> journal = Optional.empty();
    if (random.nextBoolean()) {
      boolean up = random.nextBoolean();
      boolean restarting = random.nextBoolean();
      ExitStatus exit = up || random.nextBoolean() ? ExitStatus.NONE : new ExitStatus.Exited(random.nextInt(3));
      ContainerProcessState state = new ContainerProcessState(up, restarting, "", exit, random.nextInt(5),
          random.nextInt(3), Metrics.ZERO);
      Goal goal = Goal.values()[random.nextInt(Goal.values().length)];
      journal = Optional.of(new Checkpoint(state, random.nextBoolean() ? pid : pid + 1,
          random.nextInt(2), random.nextInt(1_000_000), goal, now.minusMillis(random.nextInt(20_000))));
    }
    return new Event.Surveyed(found, journal, now);
  }

  private Event staleTimer() {
    long token = tokensSeen.isEmpty() ? 0 : tokensSeen.get(random.nextInt(tokensSeen.size()));
    return new Event.TimerFired(token, now);
  }

  private Event sample() {
    runCpu += random.nextInt(5_000_000);
    return new Event.MetricsSampled(new Metrics(runCpu, random.nextInt(1 << 20), 64L << 20), now);
  }

  private Event command(Command command) {
    return new Event.CommandReceived(command, 1 + random.nextInt(9), now);
  }

  private record Choice(int weight, Supplier<Event> event) {}
}
