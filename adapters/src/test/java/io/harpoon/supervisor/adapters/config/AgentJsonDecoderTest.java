package io.harpoon.supervisor.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.application.port.out.ConfigLoad;
import io.harpoon.supervisor.domain.container.ConfigDraft;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentJsonDecoderTest {

  @TempDir Path temp;
  private RunDirectory run;

  @BeforeEach
  void createRunDirectory() throws IOException {
    run = new RunDirectory(temp);
  }

  @Test
  void everyFieldOfTheWrongType_load_reportsEachAndKeepsDefaultsAndGoodEntries()
      throws IOException {
    String json =
        """
        {"product": 1, "health_checks": {}, "ports": {"HTTP": "80", "ADMIN": 9000},
         "env": {"A": 1, "B": "ok"}, "command": {"working_dir": 5, "exec": "sh"},
         "resources": {"mem": "abc", "cpu": "half", "fd": 1.5},
         "storage": {"tmp": {"/a": "big"}, "volumes": {"/v": 3}},
         "grace": {"startup": 1, "shutdown": true}, "restart": 5}
        """;

    ConfigLoad load = run.agentJson(json).load();

    assertThat(load.problems())
        .containsExactly(
            "product: expected a string, found 1",
            "health_checks: expected an array, found an object",
            "ports 'HTTP': expected an integer, found a string",
            "env 'A': expected a string, found 1",
            "command.working_dir: expected a string, found 5",
            "command.exec: expected an array of strings, found a string",
            "resources.mem: expected an integer, found a string",
            "resources.cpu: expected a number, found a string",
            "resources.fd: expected an integer, found 1.5",
            "storage.tmp '/a': expected an integer, found a string",
            "storage.volumes '/v': expected a string, found 3",
            "grace.startup: expected a string, found 1",
            "grace.shutdown: expected a string, found true",
            "restart: expected a string, found 5");
    assertThat(load.draft())
        .isEqualTo(
            new ConfigDraft(
                Map.of("product", ""),
                List.of(),
                Map.of("ADMIN", 9000L),
                Map.of("B", "ok"),
                "",
                0,
                0,
                0,
                Map.of(),
                Map.of(),
                "",
                "",
                ""));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"env\": [1]}                              | env: expected an object, found an array",
        "{\"resources\": 5}                          | resources: expected an object, found 5",
        "{\"resources\": {\"mem\": 64.0}}            | resources.mem: expected an integer, found"
            + " 64.0",
        "{\"resources\": {\"mem\": 1e3}}             | resources.mem: expected an integer, found"
            + " 1000.0",
        "{\"resources\": {\"mem\": 18446744073709551616}} | resources.mem: 18446744073709551616 is"
            + " out of range",
        "{\"resources\": {\"fd\": -9223372036854775809}}  | resources.fd: -9223372036854775809 is"
            + " out of range",
        "{\"resources\": {\"cpu\": 1e400}}           | resources.cpu: the number is out of range",
        "{\"ports\": {\"HTTP\": 80.5}}               | ports 'HTTP': expected an integer, found"
            + " 80.5",
        "{\"storage\": {\"tmp\": {\"/t\": null}}}    | storage.tmp '/t': expected an integer, found"
            + " null",
        "{\"command\": {\"exec\": [\"sh\", 1]}}      | command.exec[1]: expected a string, found 1",
        "{\"env\": {\"A\\nB\": false}}               | env 'A?B': expected a string, found false",
      })
  void wrongValue_load_reportsKeyAndExpectedType(String json, String problem) throws IOException {
    assertThat(run.agentJson(json).load().problems()).containsExactly(problem);
  }

  @Test
  void longKey_load_isShortenedInTheProblem() throws IOException {
    String key = "K".repeat(100);

    assertThat(run.agentJson("{\"env\": {\"" + key + "\": 1}}").load().problems())
        .containsExactly("env '" + "K".repeat(64) + "...': expected a string, found 1");
  }

  @Test
  void keyWithC1ControlOrLineSeparator_load_isShownOnOneLine() throws IOException {
    String json = "{\"env\": {\"a\\u0085b\\u2028c\\u001bd\": 1}}";

    assertThat(run.agentJson(json).load().problems())
        .containsExactly("env 'a?b?c?d': expected a string, found 1");
  }

  @Test
  void numbersAtTheEdges_load_areAccepted() throws IOException {
    ConfigLoad load =
        run.agentJson("{\"resources\": {\"mem\": 9223372036854775807, \"cpu\": 2, \"fd\": -1}}")
            .load();

    assertThat(load.problems()).isEmpty();
    assertThat(load.draft().memoryMb()).isEqualTo(Long.MAX_VALUE);
    assertThat(load.draft().cpus()).isEqualTo(2.0);
    assertThat(load.draft().fileDescriptors()).isEqualTo(-1);
  }

  @Test
  void nullMembers_load_countAsAbsent() throws IOException {
    String json =
        "{\"restart\": null, \"resources\": null, \"env\": null, \"health_checks\": null}";

    ConfigLoad load = run.agentJson(json).load();

    assertThat(load.problems()).isEmpty();
    assertThat(load.draft()).isEqualTo(ConfigDraft.EMPTY);
  }

  @Test
  void unknownKeys_load_areIgnored() throws IOException {
    ConfigLoad load =
        run.agentJson("{\"extra\": {\"deep\": [1, {}]}, \"resources\": {\"gpu\": \"x\"}}").load();

    assertThat(load.problems()).isEmpty();
    assertThat(load.draft()).isEqualTo(ConfigDraft.EMPTY);
  }

  @Test
  void healthChecks_load_areKeptAsCompactJson() throws IOException {
    String json =
        "{\"health_checks\": [ {\"http\" : \"/health\",  \"every\": 5}, \"tcp\", [1, 2.5] ]}";

    assertThat(run.agentJson(json).load().draft().healthChecks())
        .containsExactly("{\"http\":\"/health\",\"every\":5}", "\"tcp\"", "[1,2.5]");
  }

  @Test
  void labels_load_keepOnlyThoseGiven() throws IOException {
    ConfigLoad load = run.agentJson("{\"job\": \"web\", \"artifact_url\": \"https://a/b\"}").load();

    assertThat(load.draft().labels())
        .isEqualTo(Map.of("job", "web", "artifact_url", "https://a/b"));
  }
}
