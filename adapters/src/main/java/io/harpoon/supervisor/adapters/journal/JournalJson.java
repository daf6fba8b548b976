package io.harpoon.supervisor.adapters.journal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.harpoon.supervisor.adapters.json.Json;
import io.harpoon.supervisor.adapters.json.StateJson;
import io.harpoon.supervisor.application.port.out.StateJournal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code state.json} on disk, for example
 * {@code {"version":1,"state":{...as on the socket...},"pid":123,"oom_baseline":0,"cpu_base":0}}.
 *
 * @param version the format, {@value #VERSION}; other versions are not read back
 * @param state the published state, exactly the JSON the control socket sends
 * @param pid the container's init pid, 0 when it is down
 * @param oomBaseline the cgroup's OOM-kill counter when the current run started
 * @param cpuBase CPU time of the finished runs, in nanoseconds
 */
@JsonPropertyOrder({"version", "state", "pid", "oom_baseline", "cpu_base"})
record JournalJson(
    @JsonProperty("version") int version,
    @JsonProperty("state") StateJson state,
    @JsonProperty("pid") int pid,
    @JsonProperty("oom_baseline") long oomBaseline,
    @JsonProperty("cpu_base") long cpuBase) {

  static final int VERSION = 1;

  static JournalJson of(StateJournal.Entry entry) {
    return new JournalJson(
        VERSION,
        StateJson.of(entry.state()),
        entry.pid(),
        entry.oomBaseline(),
        entry.cpuBaseNanos());
  }

  /** The UTF-8 JSON of {@code entry}, written with the streaming generator (no databind). */
  static byte[] encode(StateJournal.Entry entry) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (JsonGenerator out = Json.factory().createGenerator(bytes, JsonEncoding.UTF8)) {
      out.writeStartObject();
      out.writeNumberField("version", VERSION);
      out.writeFieldName("state");
      StateJson.write(entry.state(), out);
      out.writeNumberField("pid", entry.pid());
      out.writeNumberField("oom_baseline", entry.oomBaseline());
      out.writeNumberField("cpu_base", entry.cpuBaseNanos());
      out.writeEndObject();
    }
    return bytes.toByteArray();
  }

  /** The entry this describes, or empty when it is of another version or not a valid entry. */
  Optional<StateJournal.Entry> toEntry() {
    if (version != VERSION || state == null || pid < 0 || oomBaseline < 0 || cpuBase < 0) {
      return Optional.empty();
    }
    return state.toState().map(s -> new StateJournal.Entry(s, pid, oomBaseline, cpuBase));
  }
}
