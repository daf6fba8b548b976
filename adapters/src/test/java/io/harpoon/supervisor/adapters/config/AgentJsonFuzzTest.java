package io.harpoon.supervisor.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harpoon.supervisor.adapters.Fuzzing;
import io.harpoon.supervisor.adapters.json.Json;
import io.harpoon.supervisor.adapters.runtime.HostFacts;
import io.harpoon.supervisor.adapters.runtime.OciSpec;
import io.harpoon.supervisor.adapters.runtime.RuntimePolicy;
import io.harpoon.supervisor.application.port.out.LaunchSpec;
import io.harpoon.supervisor.domain.container.ConfigCheck;
import io.harpoon.supervisor.domain.container.ConfigDraft;
import io.harpoon.supervisor.domain.container.ConfigValidation;
import io.harpoon.supervisor.domain.container.ContainerId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feeds agent.json's reader ({@link JsonFileConfigSource#decode}) and then {@link
 * ConfigValidation#validate} {@link Fuzzing#iterations()} hostile files ({@link
 * AgentJsonFuzzInputs}) and checks, for each: nothing throws; a file that is not a JSON object
 * decodes to {@link ConfigDraft#EMPTY} with one problem; the reader's problems are single short
 * lines; no env value appears in any problem; problems grow at most linearly with the file; a
 * config that validates keeps every path inside the rootfs ({@link ValidConfigInvariants}) and
 * becomes an OCI config.json without an exception. Every truncation and every one-byte corruption
 * of the valid example are checked exhaustively besides.
 *
 * <p>Default: 100 000 files (a few seconds). Nightly: {@code mvn -B test -pl adapters
 * -Dtest=AgentJsonFuzzTest -Dharpoon.fuzz.iterations=10000000}; replay a failure with {@code
 * -Dharpoon.fuzz.seed=SEED} from its message.
 */
class AgentJsonFuzzTest {

  private static final List<String> ARGV = List.of("true");
  private static final Path RUN_DIRECTORY = Path.of("/run/fuzz");
  private static final Path ROOTFS = Path.of("/rootfs");
  private static final HostFacts HOST = new HostFacts(true, true, 1 << 20, "amd64");
  private static final int MAX_READER_PROBLEM = 512;
  private static final byte[] HOSTILE_BYTES = {
    0, '"', '{', ']', ',', '\\', (byte) 0xFF, (byte) 0xC3
  };

  private static byte[] example;

  @BeforeAll
  static void readExample() throws IOException {
    try (InputStream in = AgentJsonFuzzTest.class.getResourceAsStream("/config/agent.json")) {
      example = in.readAllBytes();
    }
  }

  @Test
  void hostileFiles_decodeAndValidate_onlyDocumentedOutcomes() {
    AgentJsonFuzzInputs inputs = new AgentJsonFuzzInputs(example);

    Fuzzing.Report report = Fuzzing.run("agent.json", random -> check(inputs.next(random)));

    assertThat(report.inputs()).isEqualTo(Fuzzing.iterations());
  }

  @Test
  void example_truncatedAtEveryPosition_reportedNeverThrown() {
    int closed = new String(example, StandardCharsets.UTF_8).lastIndexOf('}') + 1;
    for (int length = 0; length < closed; length++) {
      List<String> problems =
          check(new AgentJsonFuzzInputs.Input(Arrays.copyOf(example, length), false));
      assertThat(problems).as("cut at %d", length).isNotEmpty();
    }
    assertThat(check(new AgentJsonFuzzInputs.Input(example, true))).isEmpty();
  }

  @Test
  void example_eachByteCorrupted_reportedNeverThrown() {
    for (int at = 0; at < example.length; at++) {
      for (byte hostile : HOSTILE_BYTES) {
        byte[] bytes = example.clone();
        bytes[at] = hostile;
        check(new AgentJsonFuzzInputs.Input(bytes, false));
      }
    }
  }

  /** Checks one file against every property; returns all its problems. */
  private static List<String> check(AgentJsonFuzzInputs.Input input) {
    List<String> problems = new ArrayList<>();
    ConfigDraft draft = JsonFileConfigSource.decode(input.bytes(), problems);
    readerProblems(problems, draft);
    ConfigCheck check = ConfigValidation.validate(draft, ARGV);
    List<String> all = new ArrayList<>(problems);
    if (check instanceof ConfigCheck.Invalid) {
      all.addAll(((ConfigCheck.Invalid) check).problems());
    } else {
      ValidConfigInvariants.check(((ConfigCheck.Valid) check).config());
      bundle((ConfigCheck.Valid) check);
    }
    long text = all.stream().mapToLong(String::length).sum();
    require(text <= 4L * input.bytes().length + 256L * all.size(), "problems too long", text);
    if (input.wellFormedEnv()) {
      all.forEach(p -> require(!p.contains(JsonLeaves.CANARY), "an env value in a problem", p));
    }
    return all;
  }

  private static void readerProblems(List<String> problems, ConfigDraft draft) {
    for (String problem : problems) {
      require(problem.length() <= MAX_READER_PROBLEM, "reader problem too long", problem);
      boolean oneLine = problem.chars().noneMatch(c -> Character.isISOControl(c) || c == '\u2028');
      require(oneLine, "reader problem not one line", problem);
    }
    if (problems.stream().anyMatch(p -> p.startsWith("agent.json: "))) {
      require(problems.size() == 1, "more than the parse problem", problems);
      require(draft.equals(ConfigDraft.EMPTY), "a draft from a file that did not parse", draft);
    }
  }

  /** A valid config always becomes an OCI config, with no storage mount on the container's root. */
  private static void bundle(ConfigCheck.Valid check) {
    LaunchSpec spec =
        new LaunchSpec(new ContainerId("fuzz"), "fuzz", check.config(), RUN_DIRECTORY);
    ObjectNode config = OciSpec.config(spec, ROOTFS, HOST, RuntimePolicy.DEFAULT);
    try {
      require(Json.mapper().writeValueAsBytes(config).length > 0, "empty config.json", config);
    } catch (IOException e) {
      throw new AssertionError("config.json not written: " + e, e);
    }
    for (JsonNode mount : config.path("mounts")) {
      String destination = mount.path("destination").asText();
      require(destination.startsWith("/") && !destination.equals("/"), "a mount on /", destination);
    }
  }

  private static void require(boolean holds, String what, Object value) {
    if (!holds) {
      throw new AssertionError(what + ": " + value);
    }
  }
}
