package io.harpoon.supervisor.domain.lifecycle;

import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.container.WaitStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * Events as the shell would stamp them, on a hand-built clock: {@link #at(long)} is {@code seconds} after
 * {@link #T0}. No real time is read anywhere in the domain tests.
 */
final class LifecycleEvents {

  static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
  static final long REQUESTER = 77;

  private LifecycleEvents() {}

  static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  static Instant atMillis(long millis) {
    return T0.plusMillis(millis);
  }

  static Event.Began began(Instant at) {
    return new Event.Began(at);
  }

  /** The survey found nothing of a predecessor: the usual first start. */
  static Event.Surveyed nothingFound(Instant at) {
    return new Event.Surveyed(new Event.Found.Nothing(), Optional.empty(), at);
  }

  static Event.Surveyed surveyed(Event.Found found, Checkpoint journal, Instant at) {
    return new Event.Surveyed(found, Optional.ofNullable(journal), at);
  }

  static Event.Spawned spawned(int pid, Instant at) {
    return new Event.Spawned(pid, 0, at);
  }

  static Event.Spawned spawned(int pid, long oomBaseline, Instant at) {
    return new Event.Spawned(pid, oomBaseline, at);
  }

  /** A start that failed for a reason that may pass. */
  static Event.SpawnFailed spawnFailed(String reason, Instant at) {
    return new Event.SpawnFailed(reason, false, at);
  }

  /** A start the runtime adapter refused for good (e.g. an unsafe volume source). */
  static Event.SpawnFailed spawnRefused(String reason, Instant at) {
    return new Event.SpawnFailed(reason, true, at);
  }

  static Event.Exited exitedWith(int pid, int code, Instant at) {
    return new Event.Exited(pid, new WaitStatus.Exited(code), 0, Metrics.ZERO, at);
  }

  static Event.Exited signaledWith(int pid, int signal, long oomKills, Instant at) {
    return new Event.Exited(pid, new WaitStatus.Signaled(signal), oomKills, Metrics.ZERO, at);
  }

  static Event.Exited exited(int pid, WaitStatus status, Metrics finalSample, Instant at) {
    return new Event.Exited(pid, status, 0, finalSample, at);
  }

  static Event.TimerFired timerFired(long token, Instant at) {
    return new Event.TimerFired(token, at);
  }

  static Event.MetricsTick tick(Instant at) {
    return new Event.MetricsTick(at);
  }

  static Event.MetricsSampled sampled(Metrics sample, Instant at) {
    return new Event.MetricsSampled(sample, at);
  }

  static Event.CommandReceived command(Command command, Instant at) {
    return new Event.CommandReceived(command, REQUESTER, at);
  }

  static Event.SignalReceived signal(Instant at) {
    return new Event.SignalReceived(at);
  }
}
