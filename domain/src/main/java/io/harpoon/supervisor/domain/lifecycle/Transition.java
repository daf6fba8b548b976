package io.harpoon.supervisor.domain.lifecycle;

import java.util.List;
import java.util.Objects;

/** The outcome of one event: the new state and the effects to carry out, in order. */
public record Transition(ContainerState state, List<Effect> effects) {

  public Transition {
    Objects.requireNonNull(state, "state");
    effects = List.copyOf(effects);
  }
}
