package io.harpoon.supervisor.application.port.out;

import java.time.Duration;

/** Runs actions later. Actions run on a timer thread and must only hand an event to the loop. */
public interface Timers {

  /** Runs {@code action} once after {@code delay}. */
  void schedule(Duration delay, Runnable action);

  /** Runs {@code action} every {@code period}, the first time after one period. */
  void repeat(Duration period, Runnable action);
}
