package io.harpoon.supervisor.bootstrap.ctl;

import io.harpoon.supervisor.bootstrap.Lifelines;
import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Where the container is, in an operator's words: {@code running}, {@code starting}, {@code
 * stopping}, {@code restarting in 4 s}, {@code exited}, {@code failed}; with the status report also
 * since when ({@code up 3m12s (since 2026-12-07T10:00:00Z)}). Without one (an older or the original
 * supervisor) the words come from the state's {@code up} and {@code restarting} alone.
 */
final class PhaseWords {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private PhaseWords() {}

  /** The phase alone: what {@code ls} shows in its STATE column. */
  static String word(ContainerProcessState state, Optional<StatusReport> report, Instant now) {
    if (report.isEmpty()) {
      return fromState(state);
    }
    switch (report.get().phase()) {
      case "created":
      case "starting":
        return "starting";
      case "running":
        return "running";
      case "stopping":
      case "killing":
        return "stopping";
      case "backoff":
        return "restarting in " + seconds(report.get().restartAt(), now);
      case "failed":
        return "failed";
      default:
        return "exited";
    }
  }

  /** The phase with since when, for {@code status}. */
  static String sentence(ContainerProcessState state, Optional<StatusReport> report, Instant now) {
    String word = word(state, report, now);
    if (report.isEmpty()) {
      return word;
    }
    StatusReport known = report.get();
    if (state.up()) {
      Optional<Instant> started = StatusReport.known(known.startedAt());
      String up = started.map(at -> ", up " + ago(at, now) + " (since " + TIME.format(at) + ")")
          .orElse("");
      return word.equals("running")
          ? word + up
          : word + " (since " + TIME.format(known.since()) + ")" + up;
    }
    if (word.startsWith("restarting")) {
      return word + " (down since " + TIME.format(known.since()) + ")";
    }
    String since = word.equals("exited") ? ", down since " : " since ";
    return word + since + TIME.format(known.since()) + " (" + ago(known.since(), now) + " ago)";
  }

  private static String fromState(ContainerProcessState state) {
    if (state.up()) {
      return state.restarting() ? "running" : "stopping";
    }
    if (!state.err().isEmpty()) {
      return "failed";
    }
    if (state.restarting()) {
      return state.exitStatus().equals(ExitStatus.NONE) ? "starting" : "restarting";
    }
    return state.exitStatus().equals(ExitStatus.NONE) ? "starting" : "exited";
  }

  private static String seconds(Instant due, Instant now) {
    long millis = Duration.between(now, due).toMillis();
    return millis <= 0 ? "a moment" : ((millis + 999) / 1000) + " s";
  }

  private static String ago(Instant at, Instant now) {
    Duration elapsed = Duration.between(at, now);
    return Lifelines.duration(elapsed.isNegative() ? Duration.ZERO : elapsed.withNanos(0));
  }
}
