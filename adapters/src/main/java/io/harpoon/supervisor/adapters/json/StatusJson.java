package io.harpoon.supervisor.adapters.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.harpoon.supervisor.application.port.in.ContainerStatus;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The data of the control socket's additive {@code event: status} (docs/protocol.md): what the state
 * does not say. Times are RFC 3339 in UTC with milliseconds, like the log's; keys a status does not
 * have are left out, so a status sent before the first step holds the supervisor's pid alone.
 */
public final class StatusJson {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private StatusJson() {}

  /** The compact JSON of {@code status} (when known) and the supervisor's own pid. */
  public static String encode(Optional<ContainerStatus> status, long supervisorPid) {
    return Json.text(out -> write(status, supervisorPid, out));
  }

  /** The wire name of a phase: its name in lower case ({@code running}, {@code backoff}, ...). */
  public static String phase(ContainerStatus status) {
    return status.phase().name().toLowerCase(Locale.ROOT);
  }

  /** {@code 2026-11-28T05:46:40.123Z}. */
  public static String time(Instant at) {
    return TIME.format(at);
  }

  private static void write(Optional<ContainerStatus> known, long supervisorPid, JsonGenerator out)
      throws IOException {
    out.writeStartObject();
    if (known.isPresent()) {
      ContainerStatus status = known.get();
      out.writeStringField("id", status.id().value());
      out.writeStringField("phase", phase(status));
      out.writeNumberField("pid", status.pid());
      out.writeStringField("since", time(status.since()));
      if (status.lastStart().isPresent()) {
        out.writeStringField("started_at", time(status.lastStart().get()));
      }
      if (status.restartAt().isPresent()) {
        out.writeStringField("restart_at", time(status.restartAt().get()));
      }
      out.writeStringField("restart_policy", status.policy().configName());
      out.writeNumberField("memory_limit", status.memoryLimitBytes());
    }
    out.writeNumberField("supervisor_pid", supervisorPid);
    out.writeEndObject();
  }
}
