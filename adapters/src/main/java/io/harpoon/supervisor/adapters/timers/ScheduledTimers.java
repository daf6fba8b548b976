package io.harpoon.supervisor.adapters.timers;

import io.harpoon.supervisor.application.port.out.SupervisorLog;
import io.harpoon.supervisor.application.port.out.Timers;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@link Timers} on a single daemon thread named {@value #THREAD_NAME}. Actions only hand an event
 * to the loop, so one thread is plenty, and a daemon never keeps the JVM alive. An action that
 * throws is logged and does not stop the thread or, for {@link #repeat}, later runs (a scheduled
 * executor would otherwise silently cancel a periodic task after its first exception).
 */
public final class ScheduledTimers implements Timers, AutoCloseable {

  /** The name of the timer thread, as seen in thread dumps. */
  public static final String THREAD_NAME = "harpoon-timers";

  private final ScheduledThreadPoolExecutor executor;
  private final SupervisorLog log;

  /** Starts the timer thread lazily, on the first schedule; {@code log} hears failing actions. */
  public ScheduledTimers(SupervisorLog log) {
    this.log = Objects.requireNonNull(log, "log");
    this.executor = new ScheduledThreadPoolExecutor(1, ScheduledTimers::newThread);
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
  }

  private static Thread newThread(Runnable runnable) {
    Thread thread = new Thread(runnable, THREAD_NAME);
    thread.setDaemon(true);
    return thread;
  }

  /** After {@link #close()} the action is dropped: nothing would be left to hear its event. */
  @Override
  public void schedule(Duration delay, Runnable action) {
    Runnable guarded = guarded(action);
    try {
      executor.schedule(guarded, nanos(delay), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      log.warn("timer dropped: timers are closed");
    }
  }

  /**
   * Runs with a fixed delay between the end of one run and the start of the next, so a stalled
   * process (a suspended VM, a long GC) does not come back to a burst of catch-up runs.
   */
  @Override
  public void repeat(Duration period, Runnable action) {
    long nanos = nanos(period);
    if (nanos <= 0) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    Runnable guarded = guarded(action);
    try {
      executor.scheduleWithFixedDelay(guarded, nanos, nanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      log.warn("repeating timer dropped: timers are closed");
    }
  }

  /** Stops the thread; pending and repeating actions never run. */
  @Override
  public void close() {
    executor.shutdownNow();
  }

  private Runnable guarded(Runnable action) {
    Objects.requireNonNull(action, "action");
    return () -> {
      try {
        action.run();
      } catch (RuntimeException e) {
        log.warn("timer action failed: " + e);
      }
    };
  }

  /** The duration in nanoseconds, saturated: beyond ~292 years, "never" is close enough. */
  private static long nanos(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
