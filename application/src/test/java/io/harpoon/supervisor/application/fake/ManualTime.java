package io.harpoon.supervisor.application.fake;

import io.harpoon.supervisor.application.port.out.Timers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock that moves only when told, and timers that fire when it passes their due time. */
public final class ManualTime extends Clock implements Timers {

  private final List<Scheduled> scheduled = new ArrayList<>();
  private Instant now;
  private long sequence;

  public ManualTime(Instant start) {
    this.now = start;
  }

  public ManualTime() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public synchronized void schedule(Duration delay, Runnable action) {
    scheduled.add(new Scheduled(now.plus(delay), sequence++, action, Duration.ZERO));
  }

  @Override
  public synchronized void repeat(Duration period, Runnable action) {
    scheduled.add(new Scheduled(now.plus(period), sequence++, action, period));
  }

  /** Moves the clock forward, running every action that falls due on the way, in due order. */
  public void advance(Duration duration) {
    Instant target;
    synchronized (this) {
      target = now.plus(duration);
    }
    while (true) {
      Scheduled next;
      synchronized (this) {
        next = scheduled.stream()
            .filter(s -> !s.due.isAfter(target))
            .min(Comparator.comparing((Scheduled s) -> s.due).thenComparingLong(s -> s.sequence))
            .orElse(null);
        if (next == null) {
          now = target;
          return;
        }
        scheduled.remove(next);
        now = next.due;
        if (!next.period.isZero()) {
          scheduled.add(new Scheduled(next.due.plus(next.period), sequence++, next.action, next.period));
        }
      }
      next.action.run();
    }
  }

  /** How many one-shot and periodic actions are waiting. */
  public synchronized int pending() {
    return scheduled.size();
  }

  private static final class Scheduled {
    final Instant due;
    final long sequence;
    final Runnable action;
    final Duration period;

    Scheduled(Instant due, long sequence, Runnable action, Duration period) {
      this.due = due;
      this.sequence = sequence;
      this.action = action;
      this.period = period;
    }
  }
}
