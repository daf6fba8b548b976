package io.harpoon.supervisor.adapters.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.harpoon.supervisor.adapters.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The two spellings of a log line, and the ERROR level. */
class LogFormatTest {

  private static final Instant NOW = Instant.parse("2026-11-28T05:46:40.123Z");

  @Test
  void text_error_isMarkedError() {
    assertThat(new TextLogFormat("harpoon-supervisor", "web-1").line(NOW, LogLevel.ERROR, "oom"))
        .isEqualTo("2026-11-28T05:46:40.123Z harpoon-supervisor[web-1] ERROR oom");
  }

  @Test
  void json_messageWithControls_isOneObjectOnOneLine() throws Exception {
    String line = new JsonLogFormat("harpoon-supervisor", "web-1")
        .line(NOW, LogLevel.WARN, "a\nb \"q\" \u001b[31m");

    assertThat(line).doesNotContain("\n", "\u001b");
    JsonNode json = Json.mapper().readTree(line);
    assertThat(json.path("time").asText()).isEqualTo("2026-11-28T05:46:40.123Z");
    assertThat(json.path("level").asText()).isEqualTo("WARN");
    assertThat(json.path("program").asText()).isEqualTo("harpoon-supervisor");
    assertThat(json.path("id").asText()).isEqualTo("web-1");
    assertThat(json.path("message").asText()).isEqualTo("a\nb \"q\" \u001b[31m");
  }

  @Test
  void named_textJsonOrNothingElse() {
    assertThat(LogFormat.named("text", "p", "i")).isInstanceOf(TextLogFormat.class);
    assertThat(LogFormat.named("json", "p", "i")).isInstanceOf(JsonLogFormat.class);
    assertThatThrownBy(() -> LogFormat.named("xml", "p", "i"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stderrLog_errorInJson_writesOneLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StderrSupervisorLog log = new StderrSupervisorLog(new JsonLogFormat("harpoon-supervisor", "c1"),
        Clock.fixed(NOW, ZoneOffset.UTC), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    log.error("container failed to start");

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("{\"time\":\"2026-11-28T05:46:40.123Z\","
        + "\"level\":\"ERROR\",\"program\":\"harpoon-supervisor\",\"id\":\"c1\","
        + "\"message\":\"container failed to start\"}\n");
  }
}
