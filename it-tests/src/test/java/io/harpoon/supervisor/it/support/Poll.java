package io.harpoon.supervisor.it.support;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Bounded polling of things that have no event to wait for (a file appearing, a zombie reaped). */
public final class Poll {

  private Poll() {}

  /**
   * Polls {@code probe} until it returns a value or {@code timeout} passes; the failure message says
   * {@code what} was expected.
   */
  public static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      UnixSockets.pause();
    }
  }

  /** Polls {@code condition} until it holds or {@code timeout} passes. */
  public static void until(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
    until(what, timeout, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
  }

  /** Polls {@code condition} until it holds or {@code timeout} passes; false when it never did. */
  public static boolean within(Duration timeout, java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      UnixSockets.pause();
    }
    return true;
  }
}
