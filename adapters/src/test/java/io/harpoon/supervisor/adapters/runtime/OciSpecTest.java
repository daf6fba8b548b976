package io.harpoon.supervisor.adapters.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harpoon.supervisor.adapters.json.Json;
import io.harpoon.supervisor.application.port.out.LaunchSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden files in src/test/resources/oci; the temporary rootfs path reads {@code @ROOT@} there. */
class OciSpecTest {

  private static final HostFacts TYPICAL_HOST = new HostFacts(true, true, 1 << 20, "amd64");

  @TempDir Path runDirectory;
  private Path root;

  @BeforeEach
  void rootfs() throws IOException {
    root = Files.createDirectory(runDirectory.resolve("rootfs"));
  }

  @Test
  void defaults_config_matchesGolden() throws IOException {
    LaunchSpec spec = LaunchSpecs.defaults().build("web-1", "web.example", runDirectory);

    assertMatchesGolden(spec, TYPICAL_HOST, "defaults.json");
  }

  @Test
  void envWithoutPath_config_addsTheConventionalPathAndSortsByName() throws IOException {
    LaunchSpec spec =
        LaunchSpecs.defaults()
            .env(Map.of("GREETING", "hello world", "A_FIRST", "x=y"))
            .workingDir("/srv")
            .command("/bin/app", "--port", "8080")
            .build("web-1", "web.example", runDirectory);

    assertMatchesGolden(spec, TYPICAL_HOST, "env-without-path.json");
  }

  @Test
  void envWithPath_config_keepsItsPathAndAddsNone() throws IOException {
    LaunchSpec spec =
        LaunchSpecs.defaults()
            .env(Map.of("PATH", "/opt/bin", "GREETING", "hello"))
            .build("web-1", "web.example", runDirectory);

    assertMatchesGolden(spec, TYPICAL_HOST, "env-with-path.json");
  }

  @Test
  void volumesAndTmp_config_mountsThemAfterTheSystemMountsParentsFirst() throws IOException {
    LaunchSpec spec =
        LaunchSpecs.defaults()
            .storage(
                Map.of("/scratch", 16L, "/data/cache", -1L, "/var//tmp/", 1L),
                Map.of("/data", "/srv/volumes/data", "/data-old", "/srv/volumes/old"))
            .build("web-1", "web.example", runDirectory);

    assertMatchesGolden(spec, TYPICAL_HOST, "storage.json");
  }

  @Test
  void targetsNoPathCanHold_config_normalizedAsStringsNotThrown() {
    LaunchSpec spec =
        LaunchSpecs.defaults()
            .storage(Map.of("/bad\ud800//./x/", 1L), Map.of("/caf\u00e9/.", "/srv/caf\u00e9"))
            .build("web-1", "web.example", runDirectory);

    JsonNode mounts = OciSpec.config(spec, root, TYPICAL_HOST, RuntimePolicy.DEFAULT).get("mounts");

    assertThat(mounts.findValuesAsText("destination"))
        .contains("/bad\ud800/x", "/caf\u00e9")
        .doesNotContain("/");
  }

  @Test
  void memoryAndCpu_config_limitsMemoryWithoutExtraSwapAndSetsTheCpuQuota() throws IOException {
    LaunchSpec spec =
        LaunchSpecs.defaults().limits(64, 0.5, 1024).build("web-1", "web.example", runDirectory);

    assertMatchesGolden(spec, TYPICAL_HOST, "limits.json");
  }

  @Test
  void hostWithoutSwapAccountingOrResolvConf_config_usesSwappinessAndNoResolvMount()
      throws IOException {
    LaunchSpec spec =
        LaunchSpecs.defaults().limits(64, 2, 4096).build("web-1", "web.example", runDirectory);

    assertMatchesGolden(
        spec, new HostFacts(false, false, 1 << 20, "amd64"), "limits-no-swap-accounting.json");
  }

  @Test
  void tinyCpuShare_config_isRaisedToTheKernelMinimumQuota() {
    LaunchSpec spec =
        LaunchSpecs.defaults().limits(0, 0.001, 4096).build("web-1", "web.example", runDirectory);

    JsonNode cpu =
        OciSpec.config(spec, root, TYPICAL_HOST, RuntimePolicy.DEFAULT).at("/linux/resources/cpu");

    assertThat(cpu.get("quota").asLong()).isEqualTo(1000);
    assertThat(cpu.get("period").asLong()).isEqualTo(100_000);
  }

  @Test
  void fractionalCpu_config_roundsTheQuota() {
    LaunchSpec spec =
        LaunchSpecs.defaults()
            .limits(0, 1.234567, 4096)
            .build("web-1", "web.example", runDirectory);

    JsonNode cpu =
        OciSpec.config(spec, root, TYPICAL_HOST, RuntimePolicy.DEFAULT).at("/linux/resources/cpu");

    assertThat(cpu.get("quota").asLong()).isEqualTo(123_457);
  }

  @Test
  void anyConfig_config_filtersSystemCallsWithTheHostsSeccompProfile() {
    LaunchSpec spec = LaunchSpecs.defaults().build("web-1", "web.example", runDirectory);

    JsonNode seccomp =
        OciSpec.config(spec, root, TYPICAL_HOST, RuntimePolicy.DEFAULT).at("/linux/seccomp");

    assertThat(seccomp).isEqualTo(SeccompProfile.of("amd64"));
  }

  @Test
  void pidsLimitOfThePolicy_config_limitsTheCgroupsTasks() {
    LaunchSpec spec = LaunchSpecs.defaults().build("web-1", "web.example", runDirectory);

    JsonNode resources =
        OciSpec.config(spec, root, TYPICAL_HOST, new RuntimePolicy(64)).at("/linux/resources");

    assertThat(resources.at("/pids/limit").asLong()).isEqualTo(64);
  }

  @Test
  void noPidsLimit_config_hasNoPidsResource() {
    LaunchSpec spec = LaunchSpecs.defaults().build("web-1", "web.example", runDirectory);

    JsonNode resources =
        OciSpec.config(spec, root, TYPICAL_HOST, new RuntimePolicy(0)).at("/linux/resources");

    assertThat(resources.has("pids")).isFalse();
  }

  /** Compares all but the seccomp filter, whose shape {@code SeccompProfileTest} checks. */
  private void assertMatchesGolden(LaunchSpec spec, HostFacts host, String golden)
      throws IOException {
    ObjectNode config = OciSpec.config(spec, root, host, RuntimePolicy.DEFAULT);
    ((ObjectNode) config.get("linux")).remove("seccomp");
    String actual =
        Json.mapper()
            .writerWithDefaultPrettyPrinter()
            .writeValueAsString(config)
            .replace(root.toString(), "@ROOT@");
    JsonNode expected;
    try (InputStream in = getClass().getResourceAsStream("/oci/" + golden)) {
      assertThat(in).as("golden file %s", golden).isNotNull();
      expected = Json.mapper().readTree(in);
    }
    assertThat(Json.mapper().readTree(actual)).as(actual).isEqualTo(expected);
  }
}
