package io.harpoon.supervisor.domain.container;

import java.util.List;
import java.util.Objects;

/** The outcome of validating a config: a usable config, or every problem found. */
public sealed interface ConfigCheck {

  /** The config is valid. */
  record Valid(ContainerConfig config) implements ConfigCheck {
    public Valid {
      Objects.requireNonNull(config, "config");
    }
  }

  /** The config cannot be used; {@code problems} lists each problem once, in a stable order. */
  record Invalid(List<String> problems) implements ConfigCheck {
    public Invalid {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("an invalid config has at least one problem");
      }
    }

    /** The problems joined by {@code "; "}, as reported in the state's {@code err}. */
    public String message() {
      return String.join("; ", problems);
    }
  }
}
