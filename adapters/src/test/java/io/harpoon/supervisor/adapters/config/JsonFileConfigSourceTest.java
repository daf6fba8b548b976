package io.harpoon.supervisor.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.application.port.out.ConfigLoad;
import io.harpoon.supervisor.domain.container.ConfigCheck;
import io.harpoon.supervisor.domain.container.ConfigDraft;
import io.harpoon.supervisor.domain.container.ConfigValidation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileConfigSourceTest {

  @TempDir Path temp;
  private RunDirectory run;

  @BeforeEach
  void createRunDirectory() throws IOException {
    run = new RunDirectory(temp);
  }

  @Test
  void exampleAgentJson_load_decodesEveryFieldWithoutProblems() throws IOException {
    try (InputStream example = getClass().getResourceAsStream("/config/agent.json")) {
      run.agentJson(example.readAllBytes());
    }

    ConfigLoad load = run.load();

    assertThat(load.problems()).isEmpty();
    assertThat(load.draft())
        .isEqualTo(
            new ConfigDraft(
                Map.of("product", "demo", "environment", "dev", "job", "web", "artifact_url", ""),
                List.of(),
                Map.of("HTTP", 8080L),
                Map.of("GREETING", "hello"),
                "/",
                64,
                0.5,
                1024,
                Map.of("/scratch", 16L),
                Map.of(),
                "1s",
                "5s",
                "on-failure"));
    assertThat(ConfigValidation.validate(load.draft(), List.of("sh")))
        .isInstanceOf(ConfigCheck.Valid.class);
  }

  @Test
  void missingAgentJson_load_reportsItAndDecodesNothing() {
    ConfigLoad load = run.load();

    assertThat(load.problems())
        .containsExactly("agent.json: " + temp.resolve("agent.json") + " does not exist");
    assertThat(load.draft()).isEqualTo(ConfigDraft.EMPTY);
  }

  @Test
  void agentJsonIsADirectory_load_reportsNotARegularFile() throws IOException {
    Files.createDirectory(temp.resolve("agent.json"));

    assertThat(run.load().problems())
        .containsExactly("agent.json: " + temp.resolve("agent.json") + " is not a regular file");
  }

  @Test
  void fileOverOneMebibyte_load_reportsTooLarge() throws IOException {
    byte[] bytes = new byte[JsonFileConfigSource.MAX_FILE_BYTES + 1];
    Arrays.fill(bytes, (byte) ' ');
    bytes[0] = '{';
    bytes[bytes.length - 1] = '}';

    assertThat(run.agentJson(bytes).load().problems())
        .containsExactly("agent.json: larger than 1048576 bytes");
  }

  @Test
  void fileOfExactlyOneMebibyte_load_isRead() throws IOException {
    byte[] bytes = new byte[JsonFileConfigSource.MAX_FILE_BYTES];
    Arrays.fill(bytes, (byte) ' ');
    byte[] json = "{\"restart\":\"always\"}".getBytes();
    System.arraycopy(json, 0, bytes, 0, json.length);

    ConfigLoad load = run.agentJson(bytes).load();

    assertThat(load.problems()).isEmpty();
    assertThat(load.draft().restart()).isEqualTo("always");
  }

  @Test
  void rootfsMissing_load_reportsIt() throws IOException {
    Files.delete(temp.resolve("rootfs"));

    assertThat(run.agentJson("{}").load().problems())
        .containsExactly("rootfs: " + temp.resolve("rootfs") + " does not exist");
  }

  @Test
  void rootfsIsAFile_load_reportsNotADirectory() throws IOException {
    Files.delete(temp.resolve("rootfs"));
    Files.writeString(temp.resolve("rootfs"), "");

    assertThat(run.agentJson("{}").load().problems())
        .containsExactly("rootfs: " + temp.resolve("rootfs") + " is not a directory");
  }

  @Test
  void rootfsIsASymlinkToADirectory_load_acceptsIt() throws IOException {
    Files.delete(temp.resolve("rootfs"));
    Files.createSymbolicLink(temp.resolve("rootfs"), Files.createDirectory(temp.resolve("image")));

    assertThat(run.agentJson("{}").load().problems()).isEmpty();
  }

  @Test
  void rootfsIsASymlinkToAFile_load_reportsNotADirectory() throws IOException {
    Files.delete(temp.resolve("rootfs"));
    Files.createSymbolicLink(temp.resolve("rootfs"), Files.writeString(temp.resolve("f"), ""));

    assertThat(run.agentJson("{}").load().problems())
        .containsExactly("rootfs: " + temp.resolve("rootfs") + " is not a directory");
  }

  @Test
  void rootfsIsADanglingSymlink_load_reportsIt() throws IOException {
    Files.delete(temp.resolve("rootfs"));
    Files.createSymbolicLink(temp.resolve("rootfs"), temp.resolve("gone"));

    assertThat(run.agentJson("{}").load().problems())
        .containsExactly("rootfs: " + temp.resolve("rootfs") + " is a symlink to nothing");
  }

  @Test
  void badJsonAndMissingRootfs_load_reportsBoth() throws IOException {
    Files.delete(temp.resolve("rootfs"));

    assertThat(run.agentJson("[]").load().problems())
        .containsExactly(
            "agent.json: expected a JSON object, found an array",
            "rootfs: " + temp.resolve("rootfs") + " does not exist");
  }
}
