package io.harpoon.supervisor.application.loop;

import io.harpoon.supervisor.application.port.out.SupervisorLog;
import io.harpoon.supervisor.application.port.out.Timers;
import io.harpoon.supervisor.domain.lifecycle.Command;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Logs refused commands without letting a client flood the log: the first {@link #BURST} refusals of
 * each {@link #INTERVAL} get a line each, the rest are counted and summed up in one line when the
 * interval ends ({@code refused 2093912 more commands in the last 10 s; the latest: stop: ...}). A
 * review's 2.1 million refusals wrote 48 MB of stderr one line each; now they cost a few lines per
 * interval. The summary is written from a timer, so the counts are guarded by this object's lock.
 */
final class RefusalLog {

  /** Refusals logged one line each per interval. */
  static final int BURST = 5;
  /** How often at most the suppressed refusals are summed up. */
  static final Duration INTERVAL = Duration.ofSeconds(10);

  private final SupervisorLog log;
  private final Timers timers;
  private final Clock clock;
  private Instant windowEnd = Instant.MIN;
  private int logged;
  private long suppressed;
  private String latest = "";

  RefusalLog(SupervisorLog log, Timers timers, Clock clock) {
    this.log = log;
    this.timers = timers;
    this.clock = clock;
  }

  /** Notes that {@code command} was refused for {@code reason}. */
  synchronized void refused(Command command, String reason) {
    String line = "refused " + command.wireName() + ": " + reason;
    Instant now = clock.instant();
    if (!now.isBefore(windowEnd) && suppressed == 0) {
      windowEnd = now.plus(INTERVAL);
      logged = 0;
    }
    if (logged < BURST) {
      logged++;
      log.warn(line);
      return;
    }
    if (suppressed == 0) {
      timers.schedule(Duration.between(now, windowEnd), this::summarize);
    }
    suppressed++;
    latest = line;
  }

  /** Writes the summary of the interval that ended and starts a new one. */
  synchronized void summarize() {
    if (suppressed > 0) {
      log.warn("refused " + suppressed + " more command" + (suppressed == 1 ? "" : "s")
          + " in the last " + INTERVAL.toSeconds() + " s; the latest: " + latest);
    }
    suppressed = 0;
    logged = 0;
    windowEnd = clock.instant().plus(INTERVAL);
  }
}
