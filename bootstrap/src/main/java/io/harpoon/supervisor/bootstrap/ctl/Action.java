package io.harpoon.supervisor.bootstrap.ctl;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The commands of {@code harpoonctl}, the options each accepts, and how long each waits by default.
 */
enum Action {
  STATUS(Set.of(CtlOptions.JSON)),
  LS(Set.of(CtlOptions.JSON)),
  WATCH(Set.of(CtlOptions.RAW, CtlOptions.SAMPLES)),
  STOP(Set.of(CtlOptions.WAIT)),
  KILL(Set.of(CtlOptions.WAIT)),
  EXIT(Set.of());

  /** How long a command waits for the supervisor's first state, or for a refusal. */
  static final Duration SHORT_TIMEOUT = Duration.ofSeconds(5);

  /** How long {@code ls} waits for each supervisor: a host view must not hang on one. */
  static final Duration LIST_TIMEOUT = Duration.ofSeconds(2);

  /** How long {@code stop --wait}, {@code kill --wait} and {@code exit} wait for their outcome. */
  static final Duration LONG_TIMEOUT = Duration.ofSeconds(30);

  /** Every command word, for messages and completion. */
  static final String WORDS = "status, ls, watch, stop, kill, exit, help";

  private final Set<String> ownOptions;

  Action(Set<String> ownOptions) {
    this.ownOptions = ownOptions;
  }

  /** The name typed on the command line. */
  String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Action> parse(String word) {
    return Arrays.stream(values()).filter(a -> a.word().equals(word)).findFirst();
  }

  /** Whether {@code option} (one of the command-specific ones) applies to this command. */
  boolean accepts(String option) {
    return ownOptions.contains(option);
  }

  /** The timeout when {@code --timeout} is not given. */
  Duration defaultTimeout(boolean wait) {
    if (this == LS) {
      return LIST_TIMEOUT;
    }
    return this == EXIT || wait ? LONG_TIMEOUT : SHORT_TIMEOUT;
  }
}
