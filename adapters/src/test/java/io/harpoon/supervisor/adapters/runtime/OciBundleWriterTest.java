package io.harpoon.supervisor.adapters.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.harpoon.supervisor.adapters.json.Json;
import io.harpoon.supervisor.application.port.out.LaunchSpec;
import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciBundleWriterTest {

  @TempDir Path dir;
  private final OciBundleWriter writer =
      new OciBundleWriter(new HostFacts(true, true, 1 << 20, "amd64"), RuntimePolicy.DEFAULT);

  @Test
  void rootfsSymlink_write_usesTheResolvedAbsolutePathWithMode0600() throws Exception {
    Path image = Files.createDirectories(dir.resolve("images/web"));
    Path runDirectory = Files.createDirectory(dir.resolve("run"));
    Files.createSymbolicLink(runDirectory.resolve("rootfs"), Path.of("../images/web"));
    LaunchSpec spec = LaunchSpecs.defaults().build("web-1", "web", runDirectory);

    Path config = writer.write(spec);

    assertThat(config).isEqualTo(runDirectory.resolve("config.json"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
        .isEqualTo("rw-------");
    JsonNode written = Json.mapper().readTree(config.toFile());
    assertThat(written.at("/root/path").asText()).isEqualTo(image.toRealPath().toString());
    try (var files = Files.list(runDirectory)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("rootfs", "config.json");
    }
  }

  @Test
  void existingConfig_write_replacesIt() throws Exception {
    Files.createDirectory(dir.resolve("rootfs"));
    Files.writeString(dir.resolve("config.json"), "stale");

    writer.write(LaunchSpecs.defaults().build("web-1", "web", dir));

    assertThat(Json.mapper().readTree(dir.resolve("config.json").toFile()).get("hostname").asText())
        .isEqualTo("web");
  }

  @Test
  void missingRootfs_write_failsNamingIt() {
    LaunchSpec spec = LaunchSpecs.defaults().build("web-1", "web", dir);

    assertThatThrownBy(() -> writer.write(spec))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("rootfs " + dir.resolve("rootfs"));
  }

  @Test
  void rootfsIsAFile_write_fails() throws Exception {
    Files.writeString(dir.resolve("rootfs"), "not a directory");
    LaunchSpec spec = LaunchSpecs.defaults().build("web-1", "web", dir);

    assertThatThrownBy(() -> writer.write(spec)).hasMessageContaining("is not a directory");
  }
}
