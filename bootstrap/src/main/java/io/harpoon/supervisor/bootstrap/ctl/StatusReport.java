package io.harpoon.supervisor.bootstrap.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import io.harpoon.supervisor.adapters.json.JsonTrees;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The data of a supervisor's additive {@code event: status} (docs/protocol.md), as far as it was
 * sent: a field it lacks reads as empty text, zero or {@link Instant#EPOCH}. Newer supervisors may
 * send more keys; they are kept in {@link #json()} and otherwise ignored.
 *
 * @param json the data as received
 * @param id the container's id
 * @param phase the lifecycle phase in its wire spelling ({@code running}, {@code backoff}, ...)
 * @param pid the container's init process, 0 when none
 * @param since when the phase began
 * @param startedAt when the current or last run started
 * @param restartAt when the pending restart is due
 * @param policy the restart policy
 * @param memoryLimit the configured memory limit in bytes, 0 for none
 * @param supervisorPid the supervisor's own pid
 */
record StatusReport(
    JsonNode json,
    String id,
    String phase,
    long pid,
    Instant since,
    Instant startedAt,
    Instant restartAt,
    String policy,
    long memoryLimit,
    long supervisorPid) {

  StatusReport {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(restartAt, "restartAt");
    Objects.requireNonNull(policy, "policy");
  }

  /** The report in {@code data}, or empty when it is not a JSON object. */
  static Optional<StatusReport> parse(String data) {
    JsonNode json;
    try {
      json = JsonTrees.read(data);
    } catch (IOException | RuntimeException malformed) {
      return Optional.empty();
    }
    if (json == null || !json.isObject()) {
      return Optional.empty();
    }
    return Optional.of(new StatusReport(json, json.path("id").asText(""),
        json.path("phase").asText(""), json.path("pid").asLong(0), time(json, "since"),
        time(json, "started_at"), time(json, "restart_at"), json.path("restart_policy").asText(""),
        json.path("memory_limit").asLong(0), json.path("supervisor_pid").asLong(0)));
  }

  /** Whether the supervisor knew the container's status (an early answer holds its pid only). */
  boolean known() {
    return !phase.isEmpty();
  }

  static Optional<Instant> known(Instant at) {
    return at.equals(Instant.EPOCH) ? Optional.empty() : Optional.of(at);
  }

  private static Instant time(JsonNode json, String key) {
    try {
      return json.has(key) ? Instant.parse(json.get(key).asText()) : Instant.EPOCH;
    } catch (DateTimeParseException unreadable) {
      return Instant.EPOCH;
    }
  }
}
