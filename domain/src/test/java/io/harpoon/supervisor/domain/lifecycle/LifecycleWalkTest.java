package io.harpoon.supervisor.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.harpoon.supervisor.domain.restart.Backoff;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random walks: from the initial state, ~500 events (plausible ones mixed with noise), checking
 * {@link TransitionInvariants} and the walk's own rules after every step. A failure prints the seed, the
 * step, the state and the last events, so it can be replayed with that seed. A container's life that
 * reaches TERMINATED gets a few more events, then a new life starts from a fresh initial state.
 */
class LifecycleWalkTest {

  private static final int STEPS = 500;
  private static final int EVENTS_AFTER_TERMINATED = 10;

  static LongStream fixedSeeds() {
    return LongStream.rangeClosed(1, 20);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("fixedSeeds")
  void randomWalk_fixedSeed_keepsInvariantsAfterEveryStep(long seed) {
    walk(seed);
  }

  @Test
  void randomWalk_randomSeed_keepsInvariantsAfterEveryStep() {
    long seed = new SplittableRandom().nextLong();
    walk(seed);
  }

  @Test
  void randomWalks_fixedSeeds_visitEveryPhaseAndEffect() {
    Visited visited = new Visited();
    fixedSeeds().forEach(seed -> visited.add(walk(seed)));
    assertThat(visited.phases).containsExactlyInAnyOrder(Phase.values());
    assertThat(visited.effects).containsExactlyInAnyOrder(Effect.class.getPermittedSubclasses());
    assertThat(visited.longestCrashSeries).as("the back-off is explored").isGreaterThanOrEqualTo(5);
  }

  private static Visited walk(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    RandomEvents events = new RandomEvents(random);
    Deque<String> trace = new ArrayDeque<>();
    Visited visited = new Visited();
    Life life = new Life(newSupervision(random));
    for (int step = 0; step < STEPS; step++) {
      ContainerState before = life.state;
      Event event = events.next(before);
      int at = step;
      Object context = describe(() -> "seed " + seed + ", step " + at + ", " + event
          + "\n  in " + before + "\n  after " + String.join("\n    ", trace));
      Transition next = nextOrFail(before, event, context);
      TransitionInvariants.check(before, event, next, context);
      life.check(event, next, context);
      events.observe(before, next);
      visited.record(next);
      remember(trace, event, next);
      life = life.terminatedFor > EVENTS_AFTER_TERMINATED
          ? new Life(newSupervision(random))
          : life;
    }
    return visited;
  }

  /** Mostly a config that can be used; one in ten a rejected one. */
  private static ContainerState newSupervision(SplittableRandom random) {
    LifecycleSettings settings = randomSettings(random);
    return random.nextInt(10) == 0
        ? ContainerState.rejected(settings, "restart: 'sometimes' is not one of no, on-failure, always")
        : ContainerState.initial(settings);
  }

  private static Transition nextOrFail(ContainerState state, Event event, Object context) {
    try {
      return Lifecycle.next(state, event);
    } catch (RuntimeException | AssertionError e) {
      return fail(context + ": next threw", e);
    }
  }

  private static LifecycleSettings randomSettings(SplittableRandom random) {
    RestartPolicy policy = RestartPolicy.values()[random.nextInt(RestartPolicy.values().length)];
    Duration base = Duration.ofMillis(random.nextInt(2_000));
    Backoff backoff = new Backoff(base, base.multipliedBy(1 + random.nextInt(40)),
        Duration.ofMillis(random.nextInt(180_000)));
    return new LifecycleSettings(policy, Duration.ofMillis(1 + random.nextInt(60_000)),
        Duration.ofMillis(random.nextInt(15_000)), backoff);
  }

  private static void remember(Deque<String> trace, Event event, Transition next) {
    trace.addLast(event + " -> " + next.state().phase() + " " + next.effects());
    if (trace.size() > 12) {
      trace.removeFirst();
    }
  }

  private static Object describe(Supplier<String> text) {
    return new Object() {
      @Override
      public String toString() {
        return text.get();
      }
    };
  }

  /** One container's life: the rules that span several steps. */
  private static final class Life {
    private ContainerState state;
    private boolean shutdownAccepted;
    private int terminatedFor;

    Life(ContainerState state) {
      this.state = state;
    }

    void check(Event event, Transition next, Object context) {
      boolean starts = next.effects().contains(new Effect.StartContainer());
      assertThat(starts && shutdownAccepted)
          .as("%s: no start after a stop, kill or signal was accepted", context).isFalse();
      shutdownAccepted |= acceptsShutdown(event, next);
      assertThat(starts && shutdownAccepted)
          .as("%s: no start with the stop, kill or signal that was accepted", context).isFalse();
      if (state.phase() == Phase.TERMINATED) {
        assertThat(next.effects()).as("%s: Terminate only once", context)
            .doesNotContain(new Effect.Terminate(0));
        terminatedFor++;
      }
      state = next.state();
    }

    private static boolean acceptsShutdown(Event event, Transition next) {
      if (event instanceof Event.SignalReceived) {
        return true;
      }
      return event instanceof Event.CommandReceived
          && ((Event.CommandReceived) event).command() != Command.EXIT
          && next.effects().stream().noneMatch(Effect.Reject.class::isInstance);
    }
  }

  /** What the walks reached, to show they are not stuck in a corner of the table. */
  private static final class Visited {
    private final Set<Phase> phases = EnumSet.noneOf(Phase.class);
    private final Set<Class<?>> effects = new HashSet<>();
    private int longestCrashSeries;

    void record(Transition step) {
      phases.add(step.state().phase());
      step.effects().forEach(e -> effects.add(e.getClass()));
      longestCrashSeries = Math.max(longestCrashSeries, step.state().counters().quickFailures());
    }

    void add(Visited other) {
      phases.addAll(other.phases);
      effects.addAll(other.effects);
      longestCrashSeries = Math.max(longestCrashSeries, other.longestCrashSeries);
    }
  }
}
