package io.harpoon.supervisor.adapters.log;

import com.fasterxml.jackson.core.JsonGenerator;
import io.harpoon.supervisor.adapters.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One JSON object per line, for log shippers: {@code {"time":"2026-11-28T05:46:40.123Z",
 * "level":"INFO","program":"harpoon-supervisor","id":"web-1","message":"..."}}. The message is a
 * JSON string, so its control characters are escaped and cannot break the line.
 */
public final class JsonLogFormat implements LogFormat {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final String program;
  private final String id;

  public JsonLogFormat(String program, String id) {
    this.program = Objects.requireNonNull(program, "program");
    this.id = Objects.requireNonNull(id, "id");
  }

  @Override
  public String line(Instant at, LogLevel level, String message) {
    return Json.text(out -> write(out, at, level, String.valueOf(message)));
  }

  private void write(JsonGenerator out, Instant at, LogLevel level, String message)
      throws IOException {
    out.writeStartObject();
    out.writeStringField("time", TIMESTAMP.format(at));
    out.writeStringField("level", level.name());
    out.writeStringField("program", program);
    out.writeStringField("id", id);
    out.writeStringField("message", message);
    out.writeEndObject();
  }
}
