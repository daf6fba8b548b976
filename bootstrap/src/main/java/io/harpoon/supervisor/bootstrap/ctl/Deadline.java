package io.harpoon.supervisor.bootstrap.ctl;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A point on the monotonic clock by which an answer must have come, or none at all.
 *
 * @param atNanos the {@link System#nanoTime()} of the deadline (unused when unbounded)
 * @param total how long the caller allowed, for messages; zero when unbounded
 * @param bounded whether there is a deadline
 */
record Deadline(long atNanos, Duration total, boolean bounded) {

  Deadline {
    Objects.requireNonNull(total, "total");
  }

  /** {@code timeout} from now. */
  static Deadline after(Duration timeout) {
    return new Deadline(System.nanoTime() + timeout.toNanos(), timeout, true);
  }

  /** Wait as long as it takes. */
  static Deadline none() {
    return new Deadline(0, Duration.ZERO, false);
  }

  /** The earlier of this deadline and {@code timeout} from now. */
  Deadline within(Duration timeout) {
    Deadline other = after(timeout);
    return bounded && atNanos - other.atNanos <= 0 ? this : other;
  }

  boolean passed() {
    return bounded && atNanos - System.nanoTime() <= 0;
  }

  /** How long a selector may block: at least 1 ms while bounded, 0 (forever) when unbounded. */
  long selectMillis() {
    if (!bounded) {
      return 0;
    }
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(atNanos - System.nanoTime()));
  }

  /** The allowed time as an operator writes it: {@code 5s}, {@code 250ms}. */
  String describe() {
    long millis = total.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }
}
