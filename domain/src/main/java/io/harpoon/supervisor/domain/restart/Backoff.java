package io.harpoon.supervisor.domain.restart;

import java.time.Duration;
import java.util.Objects;

/**
 * The delay before a restart. A container that keeps crashing soon after it starts is restarted after
 * {@code base}, then twice that, four times, ... up to {@code max}. One that stayed up for at least
 * {@code resetAfter} counts as healthy again: its next restart waits {@code base} only.
 *
 * @param base delay before the first restart of a series (the restart delay, 1 s by default)
 * @param max cap on the delay (30 s by default); never below {@code base}
 * @param resetAfter how long a run must last to reset the series (10 s by default)
 */
public record Backoff(Duration base, Duration max, Duration resetAfter) {

  /** 1 s, doubling, capped at 30 s, reset after 10 s up. */
  public static final Backoff DEFAULT =
      new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(10));

  public Backoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(resetAfter, "resetAfter");
    if (base.isNegative() || max.isNegative() || resetAfter.isNegative()) {
      throw new IllegalArgumentException("backoff durations cannot be negative");
    }
    if (max.compareTo(base) < 0) {
      max = base;
    }
  }

  /**
   * The delay before restart number {@code failures} of a series of quick failures (1 for the first).
   */
  public Duration delay(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be at least 1: " + failures);
    }
    Duration delay = base;
    // A zero base never grows; past max/2 the next doubling is max (and cannot overflow).
    for (int i = 1; i < failures && delay.compareTo(max) < 0 && !delay.isZero(); i++) {
      delay = delay.compareTo(max.dividedBy(2)) > 0 ? max : delay.multipliedBy(2);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }

  /** Whether a run that lasted {@code uptime} ends a series of quick failures. */
  public boolean resets(Duration uptime) {
    return uptime.compareTo(resetAfter) >= 0;
  }
}
