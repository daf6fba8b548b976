package io.harpoon.supervisor.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.application.port.out.ConfigLoad;
import io.harpoon.supervisor.domain.container.ConfigDraft;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentJsonParserTest {

  @TempDir Path temp;
  private RunDirectory run;

  @BeforeEach
  void createRunDirectory() throws IOException {
    run = new RunDirectory(temp);
  }

  @Test
  void syntaxError_load_reportsLineAndColumn() throws IOException {
    ConfigLoad load = run.agentJson("{\n  \"restart\": \"no\",\n    tru\n}").load();

    assertThat(load.problems())
        .containsExactly(
            "agent.json: not valid JSON at line 3, column 5: Unexpected character ('t' (code 116)):"
                + " was expecting double-quote to start field name");
    assertThat(load.draft()).isEqualTo(ConfigDraft.EMPTY);
  }

  @Test
  void emptyFile_load_reportsEmpty() throws IOException {
    assertThat(run.agentJson(" \n").load().problems()).containsExactly("agent.json: is empty");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[]            | agent.json: expected a JSON object, found an array",
        "\"x\"         | agent.json: expected a JSON object, found a string",
        "null          | agent.json: expected a JSON object, found null",
        "42            | agent.json: expected a JSON object, found 42",
      })
  void notAnObject_load_reportsWhatItIs(String json, String problem) throws IOException {
    assertThat(run.agentJson(json).load().problems()).containsExactly(problem);
  }

  @Test
  void contentAfterTheObject_load_reportsIt() throws IOException {
    assertThat(run.agentJson("{} {}").load().problems())
        .containsExactly("agent.json: unexpected content after the JSON value at line 1, column 5");
  }

  @Test
  void duplicateKey_load_reportsIt() throws IOException {
    ConfigLoad load = run.agentJson("{\"restart\": \"no\", \"restart\": \"always\"}").load();

    assertThat(load.problems()).singleElement().asString().contains("Duplicate field 'restart'");
  }

  @Test
  void nestingDeeperThanTheLimit_load_reportsItWithoutThrowing() throws IOException {
    String deep = "{\"health_checks\": " + "[".repeat(70) + "]".repeat(70) + "}";

    assertThat(run.agentJson(deep).load().problems())
        .containsExactly(
            "agent.json: not accepted: Document nesting depth (65) exceeds the maximum allowed"
                + " (64)");
  }

  @Test
  void numberLongerThanTheLimit_load_reportsItWithoutThrowing() throws IOException {
    String huge = "{\"resources\": {\"mem\": " + "9".repeat(80) + "}}";

    assertThat(run.agentJson(huge).load().problems())
        .containsExactly(
            "agent.json: not accepted: Number value length (80) exceeds the maximum allowed (64)");
  }

  @Test
  void invalidUtf8_load_reportsInvalidJson() throws IOException {
    byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

    assertThat(run.agentJson(bytes).load().problems())
        .singleElement()
        .asString()
        .startsWith("agent.json: not valid JSON at line 1");
  }

  @Test
  void controlCharacterInError_load_isReportedOnOneLine() throws IOException {
    assertThat(run.agentJson("{\"a\": x\u0001y}").load().problems())
        .singleElement()
        .asString()
        .doesNotContain("\u0001", "\n");
  }
}
