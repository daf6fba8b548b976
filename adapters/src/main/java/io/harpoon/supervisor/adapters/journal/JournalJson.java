package io.harpoon.supervisor.adapters.journal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.harpoon.supervisor.adapters.json.Json;
import io.harpoon.supervisor.adapters.json.StateJson;
import io.harpoon.supervisor.domain.lifecycle.Checkpoint;
import io.harpoon.supervisor.domain.lifecycle.Goal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code state.json} on disk, for example
 * {@code {"version":1,"state":{...as on the socket...},"pid":123,"oom_baseline":0,"cpu_base":0,
 * "goal":"stop","goal_since":1733616000000}}.
 *
 * @param version the format, {@value #VERSION}; other versions are not read back
 * @param state the published state, exactly the JSON the control socket sends
 * @param pid the container's init pid, 0 when it is down
 * @param oomBaseline the cgroup's OOM-kill counter when the current run started
 * @param cpuBase CPU time of the finished runs, in nanoseconds
 * @param goal {@code up}, {@code stop} or {@code kill}; absent (journals written before it) means up
 * @param goalSince when the goal was set, in milliseconds since the epoch
 */
@JsonPropertyOrder({"version", "state", "pid", "oom_baseline", "cpu_base", "goal", "goal_since"})
record JournalJson(
    @JsonProperty("version") int version,
    @JsonProperty("state") StateJson state,
    @JsonProperty("pid") int pid,
    @JsonProperty("oom_baseline") long oomBaseline,
    @JsonProperty("cpu_base") long cpuBase,
    @JsonProperty("goal") String goal,
    @JsonProperty("goal_since") long goalSince) {

  static final int VERSION = 1;

  /** The UTF-8 JSON of {@code checkpoint}, written with the streaming generator (no databind). */
  static byte[] encode(Checkpoint checkpoint) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (JsonGenerator out = Json.factory().createGenerator(bytes, JsonEncoding.UTF8)) {
      out.writeStartObject();
      out.writeNumberField("version", VERSION);
      out.writeFieldName("state");
      StateJson.write(checkpoint.state(), out);
      out.writeNumberField("pid", checkpoint.pid());
      out.writeNumberField("oom_baseline", checkpoint.oomBaseline());
      out.writeNumberField("cpu_base", checkpoint.cpuBaseNanos());
      out.writeStringField("goal", checkpoint.goal().name().toLowerCase(Locale.ROOT));
      out.writeNumberField("goal_since", checkpoint.goalSince().toEpochMilli());
      out.writeEndObject();
    }
    return bytes.toByteArray();
  }

  /** The checkpoint this describes, or empty when it is of another version or not a valid one. */
  Optional<Checkpoint> toCheckpoint() {
    if (version != VERSION || state == null || pid < 0 || oomBaseline < 0 || cpuBase < 0 || goalSince < 0) {
      return Optional.empty();
    }
    Optional<Goal> parsedGoal = goal == null ? Optional.of(Goal.UP) : parseGoal(goal);
    if (parsedGoal.isEmpty()) {
      return Optional.empty();
    }
    Instant since = Instant.ofEpochMilli(goalSince);
    return state.toState().map(s -> new Checkpoint(s, pid, oomBaseline, cpuBase, parsedGoal.get(), since));
  }

  private static Optional<Goal> parseGoal(String text) {
    for (Goal candidate : Goal.values()) {
      if (candidate.name().toLowerCase(Locale.ROOT).equals(text)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
