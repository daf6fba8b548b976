package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.container.WaitStatus;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.harpoon.supervisor.domain.container.ExitStatus;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The state × event table is complete (runc style): every phase absorbs every kind of event, returning a
 * transition whose invariants hold. A new {@link Event} subtype fails {@link
 * #everyEventType_hasSamples} until it gets samples here, and so gets a column in the table.
 */
class LifecycleCompletenessTest {

  private static final Instant LATER = at(50);

  /** Representative events of each type, aimed at {@code state}: its pid and token, and wrong ones. */
  private static final Map<Class<?>, Function<ContainerState, List<Event>>> SAMPLES = Map.ofEntries(
      Map.entry(Event.Began.class, s -> List.of(new Event.Began(LATER))),
      Map.entry(Event.Surveyed.class, LifecycleCompletenessTest::surveys),
      Map.entry(Event.Spawned.class, s -> List.of(new Event.Spawned(777, 0, LATER))),
      Map.entry(Event.SpawnFailed.class, s -> List.of(new Event.SpawnFailed("runc failed", false, LATER),
          new Event.SpawnFailed("unsafe volume", true, LATER))),
      Map.entry(Event.Exited.class, s -> List.of(
          new Event.Exited(pidOf(s), new WaitStatus.Exited(0), 0, Metrics.ZERO, LATER),
          new Event.Exited(pidOf(s), new WaitStatus.Exited(1), 0, new Metrics(9_999, 1, 2), LATER),
          new Event.Exited(pidOf(s), new WaitStatus.Signaled(9), s.run().oomBaseline() + 1, Metrics.ZERO, LATER),
          new Event.Exited(pidOf(s), new WaitStatus.Unknown(), 0, Metrics.ZERO, LATER),
          new Event.Exited(pidOf(s) + 1, new WaitStatus.Exited(1), 0, Metrics.ZERO, LATER))),
      Map.entry(Event.TimerFired.class, s -> List.of(
          new Event.TimerFired(s.timerToken(), LATER),
          new Event.TimerFired(s.timer().last() + 1, LATER),
          new Event.TimerFired(Math.max(0, s.timer().last() - 1), LATER))),
      Map.entry(Event.MetricsTick.class, s -> List.of(new Event.MetricsTick(LATER))),
      Map.entry(Event.MetricsSampled.class, s -> List.of(new Event.MetricsSampled(
          new Metrics(s.run().metrics().cpuTimeNanos() + 1_000, 4_096, 65_536), LATER))),
      Map.entry(Event.CommandReceived.class, s -> Arrays.stream(Command.values())
          .map(c -> (Event) new Event.CommandReceived(c, 5, LATER)).toList()),
      Map.entry(Event.SignalReceived.class, s -> List.of(new Event.SignalReceived(LATER))));

  /** Every kind of finding, with no journal, a finished one, and unfinished ones with each goal. */
  private static List<Event> surveys(ContainerState state) {
    List<Event.Found> found = List.of(new Event.Found.Nothing(), new Event.Found.Stopped(),
        new Event.Found.Running(777, 2), new Event.Found.Foreign("/elsewhere"));
    ContainerProcessState up = new ContainerProcessState(true, true, "", ExitStatus.NONE, 3, 1, Metrics.ZERO);
    ContainerProcessState finished =
        new ContainerProcessState(false, false, "", new ExitStatus.Exited(0), 3, 1, Metrics.ZERO);
    List<Optional<Checkpoint>> journals = new java.util.ArrayList<>();
    journals.add(Optional.empty());
    journals.add(Optional.of(new Checkpoint(finished, 0, 1, 500, Goal.UP, LATER)));
    for (Goal goal : Goal.values()) {
      journals.add(Optional.of(new Checkpoint(up, 777, 1, 500, goal, LATER.minusSeconds(3))));
    }
    return found.stream().flatMap(f -> journals.stream().map(j -> (Event) new Event.Surveyed(f, j, LATER)))
        .toList();
  }

  private static int pidOf(ContainerState state) {
    return state.pid() > 0 ? state.pid() : 4_321;
  }

  @Test
  void everyEventType_hasSamples() {
    assertThat(Event.class.getPermittedSubclasses())
        .as("every Event subtype needs samples in SAMPLES")
        .allSatisfy(type -> assertThat(SAMPLES).containsKey(type));
    assertThat(SAMPLES.keySet()).containsExactlyInAnyOrder(Event.class.getPermittedSubclasses());
  }

  @Test
  void everyPhase_hasARepresentativeState() {
    for (Phase phase : Phase.values()) {
      for (RestartPolicy policy : RestartPolicy.values()) {
        assertThat(LifecycleStates.inPhase(phase, policy).phase()).isEqualTo(phase);
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> everyPhase_everyEvent_returnsATransitionThatKeepsTheInvariants() {
    return Arrays.stream(RestartPolicy.values()).flatMap(policy -> Arrays.stream(Phase.values())
        .flatMap(phase -> Arrays.stream(Event.class.getPermittedSubclasses())
            .map(type -> DynamicTest.dynamicTest(
                policy + " " + phase + " x " + type.getSimpleName(),
                () -> absorbs(LifecycleStates.inPhase(phase, policy), type)))));
  }

  private static void absorbs(ContainerState state, Class<?> type) {
    List<Event> events = SAMPLES.getOrDefault(type, s -> List.of()).apply(state);
    assertThat(events).as("samples of " + type.getSimpleName()).isNotEmpty();
    for (Event event : events) {
      assertThat(event).isInstanceOf(type);
      assertThatCode(() -> Lifecycle.next(state, event)).as("%s in %s", event, state.phase())
          .doesNotThrowAnyException();
      Transition step = Lifecycle.next(state, event);
      TransitionInvariants.check(state, event, step, event + " in " + state);
    }
  }
}
