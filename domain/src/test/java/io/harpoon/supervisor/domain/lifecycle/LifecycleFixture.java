package io.harpoon.supervisor.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import java.util.ArrayList;
import java.util.List;

/**
 * given(state).when(event).then...: runs one {@link Lifecycle#next} and asserts the resulting state (or a
 * projection of it: phase, goal, published view) and the exact list of effects.
 */
final class LifecycleFixture {

  private LifecycleFixture() {}

  static Given given(ContainerState state) {
    return new Given(state);
  }

  /** A published view with no error and no metrics yet. */
  static ContainerProcessState view(
      boolean up, boolean restarting, ExitStatus exit, int restarts, int ooms) {
    return new ContainerProcessState(up, restarting, "", exit, restarts, ooms, Metrics.ZERO);
  }

  static Effect.Publish publish(ContainerState state) {
    return new Effect.Publish(state.checkpoint());
  }

  /** The state before the event. */
  static final class Given {
    private final ContainerState state;

    private Given(ContainerState state) {
      this.state = state;
    }

    Then when(Event event) {
      return new Then(state, Lifecycle.next(state, event));
    }
  }

  /** Assertions on one transition; each returns {@code this} so they chain. */
  static final class Then {
    private final ContainerState before;
    private final Transition transition;

    private Then(ContainerState before, Transition transition) {
      this.before = before;
      this.transition = transition;
    }

    ContainerState state() {
      return transition.state();
    }

    List<Effect> effects() {
      return transition.effects();
    }

    Then thenState(ContainerState expected) {
      assertThat(state()).isEqualTo(expected);
      return this;
    }

    Then thenUnchanged() {
      return thenState(before).thenEffects();
    }

    Then thenPhase(Phase expected) {
      assertThat(state().phase()).as("phase").isEqualTo(expected);
      return this;
    }

    Then thenGoal(Goal expected) {
      assertThat(state().goal()).as("goal").isEqualTo(expected);
      return this;
    }

    Then thenView(ContainerProcessState expected) {
      assertThat(state().view()).as("published view").isEqualTo(expected);
      return this;
    }

    /** The effects, exactly and in order. */
    Then thenEffects(Effect... expected) {
      assertThat(effects()).as("effects").containsExactly(expected);
      return this;
    }

    /** One Publish of the new view first, then exactly {@code rest}. */
    Then thenPublishesThen(Effect... rest) {
      List<Effect> expected = new ArrayList<>();
      expected.add(publish(state()));
      expected.addAll(List.of(rest));
      assertThat(effects()).as("effects").containsExactlyElementsOf(expected);
      return this;
    }

    /** The only effect is a rejection of the command, for the requester, with a reason. */
    Then thenRejects(Command command, String reasonPart) {
      assertThat(effects()).as("effects").hasSize(1);
      assertThat(effects().get(0)).isInstanceOfSatisfying(Effect.Reject.class, reject -> {
        assertThat(reject.requester()).isEqualTo(LifecycleEvents.REQUESTER);
        assertThat(reject.command()).isEqualTo(command);
        assertThat(reject.reason()).contains(reasonPart);
      });
      assertThat(state()).as("a rejected command changes nothing").isEqualTo(before);
      return this;
    }
  }
}
