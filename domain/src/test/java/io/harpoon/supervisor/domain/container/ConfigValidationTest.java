package io.harpoon.supervisor.domain.container;

import static io.harpoon.supervisor.domain.container.ConfigDrafts.ARGV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §4: defaults, each rule, and every problem reported at once. Rules of paths: PathRulesTest. */
class ConfigValidationTest {

  private static ContainerConfig valid(ConfigDraft draft) {
    ConfigCheck check = ConfigValidation.validate(draft, ARGV);
    assertThat(check).isInstanceOf(ConfigCheck.Valid.class);
    return ((ConfigCheck.Valid) check).config();
  }

  private static List<String> problems(ConfigDraft draft, List<String> argv) {
    ConfigCheck check = ConfigValidation.validate(draft, argv);
    assertThat(check).isInstanceOf(ConfigCheck.Invalid.class);
    return ((ConfigCheck.Invalid) check).problems();
  }

  private static List<String> problems(ConfigDraft draft) {
    return problems(draft, ARGV);
  }

  @Test
  void emptyDraft_validate_appliesDocumentedDefaults() {
    ContainerConfig config = valid(ConfigDraft.EMPTY);
    assertThat(config.command()).isEqualTo(new ContainerConfig.Command("/", ARGV));
    assertThat(config.resources()).isEqualTo(new ContainerConfig.Resources(0, 0, 4096));
    assertThat(config.resources().memoryBytes()).isZero();
    assertThat(config.grace())
        .isEqualTo(new ContainerConfig.Grace(Duration.ofSeconds(30), Duration.ofSeconds(10)));
    assertThat(config.restart()).isEqualTo(RestartPolicy.NO);
    assertThat(config.labels()).isEqualTo(new ContainerConfig.Labels("", "", "", "", List.of()));
    assertThat(config.ports()).isEmpty();
    assertThat(config.env()).isEmpty();
    assertThat(config.storage()).isEqualTo(new ContainerConfig.Storage(Map.of(), Map.of()));
  }

  @Test
  void fullDraft_validate_keepsEveryField() {
    ContainerConfig config = valid(ConfigDrafts.full());
    assertThat(config.labels()).isEqualTo(new ContainerConfig.Labels(
        "shop", "prod", "web", "http://a/b.tgz", List.of("http://localhost:8080/health")));
    assertThat(config.ports()).containsExactly(Map.entry("http", 8080));
    assertThat(config.env()).isEqualTo(Map.of("PATH", "/bin", "LANG", "C"));
    assertThat(config.command()).isEqualTo(new ContainerConfig.Command("/srv", ARGV));
    assertThat(config.resources()).isEqualTo(new ContainerConfig.Resources(64, 0.5, 1024));
    assertThat(config.resources().memoryBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(config.storage().tmpSizesMb()).isEqualTo(Map.of("/tmp", 16L, "/scratch", -1L));
    assertThat(config.storage().volumes()).isEqualTo(Map.of("/data", "/var/lib/data"));
    assertThat(config.grace())
        .isEqualTo(new ContainerConfig.Grace(Duration.ofMillis(250), Duration.ofSeconds(5)));
    assertThat(config.restart()).isEqualTo(RestartPolicy.ON_FAILURE);
  }

  @Test
  void manyBadFields_validate_reportsEveryProblemAtOnceInStableOrder() {
    ConfigDraft bad = new ConfigDraft(Map.of(), List.of(), Map.of("http", 70_000L), Map.of("A=B", "x"),
        "srv", -1, -1, -1, Map.of("tmp", 0L), Map.of("/data", "data"), "soon", "2h", "sometimes");
    ConfigCheck.Invalid invalid = (ConfigCheck.Invalid) ConfigValidation.validate(bad, List.of());
    assertThat(invalid.problems()).containsExactly(
        "restart: 'sometimes' is not one of no, on-failure, always",
        "grace.startup: 'soon' is not a duration such as 250ms, 5s or 1m30s",
        "grace.shutdown: 2h is longer than the maximum of 1h",
        "command.working_dir is not absolute",
        "command: no program to run",
        "resources.mem: -1 is not a size in MB (0 = no limit)",
        "resources.cpu: -1.0 is not a number of CPUs between 0 and 4096",
        "resources.fd: -1 is not between 1 and 1048576",
        "env: 'A=B' is not a valid variable name",
        "ports.http: 70000 is not a port number",
        "storage.tmp 'tmp' is not absolute",
        "storage.tmp 'tmp': size 0 is not a size in MB (-1 = no limit)",
        "storage.volumes '/data': host path is not absolute");
    assertThat(invalid.message()).startsWith("restart: 'sometimes' is not one of no, on-failure, always; ")
        .contains("; command: no program to run; ");
    assertThat(ConfigValidation.validate(bad, List.of())).isEqualTo(invalid);
  }

  @Test
  void hugeBadValues_validate_quoteThemCutShortSoErrStaysSmall() {
    String huge = "x".repeat(1_000_000);
    ConfigDraft draft = new ConfigDraft(Map.of(), List.of(), Map.of(huge, 70_000L), Map.of(huge, "v"),
        "", 0, 0, 0, Map.of("relative/" + huge, 1L), Map.of(), huge, "", huge);

    ConfigCheck check = ConfigValidation.validate(draft, List.of("true"));

    List<String> problems = ((ConfigCheck.Invalid) check).problems();
    assertThat(problems).hasSize(4).allMatch(p -> p.length() < 200);
    assertThat(problems.get(0)).startsWith("restart: 'xxxx").contains("x…'");
  }

  @Test
  void surrogatePairAtTheCut_shorten_isNotSplit() {
    String value = "a".repeat(79) + "\uD83D\uDE00" + "tail";

    assertThat(ConfigValidation.shorten(value)).isEqualTo("a".repeat(79) + "…");
  }

  @Test
  void restartPolicies_validate_parseEachSpelling() {
    assertThat(valid(ConfigDrafts.withGraceAndRestart("", "", "no")).restart()).isEqualTo(RestartPolicy.NO);
    assertThat(valid(ConfigDrafts.withGraceAndRestart("", "", "always")).restart())
        .isEqualTo(RestartPolicy.ALWAYS);
    assertThat(problems(ConfigDrafts.withGraceAndRestart("", "", "Always")))
        .containsExactly("restart: 'Always' is not one of no, on-failure, always");
  }

  @Test
  void graces_validate_startupMustBePositiveShutdownMayBeZero() {
    assertThat(problems(ConfigDrafts.withGraceAndRestart("0s", "0", "")))
        .containsExactly("grace.startup: must be greater than 0");
    assertThat(valid(ConfigDrafts.withGraceAndRestart("1h", "0", "")).grace())
        .isEqualTo(new ContainerConfig.Grace(Duration.ofHours(1), Duration.ZERO));
    assertThat(problems(ConfigDrafts.withGraceAndRestart("1h0m0.001s", "5", "")))
        .containsExactly(
            "grace.startup: 1h0m0.001s is longer than the maximum of 1h",
            "grace.shutdown: '5' is not a duration such as 250ms, 5s or 1m30s");
  }

  @Test
  void commandArguments_validate_needAProgramAndNoNul() {
    assertThat(problems(ConfigDraft.EMPTY, List.of(""))).containsExactly("command: no program to run");
    assertThat(problems(ConfigDraft.EMPTY, List.of("/bin/echo", "a\0b")))
        .containsExactly("command: an argument contains a NUL character");
  }

  @Test
  void resources_validate_boundsOfMemoryCpuAndFiles() {
    assertThat(valid(ConfigDrafts.withResources(0, 4096, 1 << 20)).resources())
        .isEqualTo(new ContainerConfig.Resources(0, 4096, 1 << 20));
    assertThat(problems(ConfigDrafts.withResources(Long.MAX_VALUE, Double.NaN, (1 << 20) + 1)))
        .containsExactly(
            "resources.mem: " + Long.MAX_VALUE + " is not a size in MB (0 = no limit)",
            "resources.cpu: NaN is not a number of CPUs between 0 and 4096",
            "resources.fd: 1048577 is not between 1 and 1048576");
    assertThat(problems(ConfigDrafts.withResources(1, 4096.5, 1)))
        .containsExactly("resources.cpu: 4096.5 is not a number of CPUs between 0 and 4096");
  }

  @Test
  void envAndPorts_validate_namesValuesAndRanges() {
    assertThat(valid(ConfigDrafts.withEnvAndPorts(Map.of("A", ""), Map.of("a", 0L, "b", 65_535L))).ports())
        .isEqualTo(Map.of("a", 0, "b", 65_535));
    assertThat(problems(ConfigDrafts.withEnvAndPorts(
        Map.of("", "x", "B\0", "y", "C", "z\0"), Map.of("neg", -1L, "big", 65_536L))))
        .containsExactly(
            "env: '' is not a valid variable name",
            "env: 'B\0' is not a valid variable name",
            "env: the value of 'C' contains a NUL character",
            "ports.big: 65536 is not a port number",
            "ports.neg: -1 is not a port number");
  }

  @Test
  void storage_validate_sizesTargetsAndOverlaps() {
    assertThat(problems(ConfigDrafts.withStorage(
        Map.of("/a", -2L, "/b", (1L << 30) + 1, "/", 1L, "/v", 1L),
        Map.of("//", "/h", "/v", "/h/../etc", "/w", ""))))
        .containsExactly(
            "storage.tmp '/' is the root directory",
            "storage.tmp '/a': size -2 is not a size in MB (-1 = no limit)",
            "storage.tmp '/b': size 1073741825 is not a size in MB (-1 = no limit)",
            "storage.volumes '//' is the root directory",
            "storage.volumes '/v' and storage.tmp '/v' are the same mount target '/v'",
            "storage.volumes '/v': host path contains '..'",
            "storage.volumes '/w': host path is empty");
  }

  @Test
  void mountTargets_validate_areComparedAndKeptNormalized() {
    assertThat(problems(ConfigDrafts.withStorage(Map.of("/data", 1L), Map.of("/data/", "/srv/data"))))
        .containsExactly("storage.volumes '/data/' and storage.tmp '/data' are the same mount target '/data'");
    assertThat(problems(ConfigDrafts.withStorage(Map.of("//data", 1L, "/data/.", 2L), Map.of())))
        .containsExactly("storage.tmp '/data/.' and storage.tmp '//data' are the same mount target '/data'");
    ContainerConfig.Storage storage = valid(ConfigDrafts.withStorage(
        Map.of("//tmp/", 16L), Map.of("/data/./", "/srv//data/"))).storage();
    assertThat(storage.tmpSizesMb()).isEqualTo(Map.of("/tmp", 16L));
    assertThat(storage.volumes()).isEqualTo(Map.of("/data", "/srv/data"));
  }

  @Test
  void volumeSources_validate_mustNotContainOneAnother() {
    assertThat(problems(ConfigDrafts.withStorage(Map.of(),
        Map.of("/data", "/srv/a", "/logs", "/srv/a/logs/", "/other", "/srv/ab"))))
        .containsExactly("storage.volumes '/logs': host path '/srv/a/logs' is inside the host path of "
            + "storage.volumes '/data' (volume sources must not contain one another)");
    assertThat(valid(ConfigDrafts.withStorage(Map.of(), Map.of("/a", "/srv/x", "/b", "/srv/x"))).storage()
        .volumes()).as("one source twice cannot lead out of it").hasSize(2);
  }

  @Test
  void invalidWithoutProblems_construct_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ConfigCheck.Invalid(List.of()));
  }

  @Test
  void impossibleConfigParts_construct_areRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ContainerConfig.Command("/", List.of()));
    assertThatIllegalArgumentException().isThrownBy(() -> new ContainerConfig.Resources(-1, 0, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> new ContainerConfig.Resources(0, -1, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> new ContainerConfig.Resources(0, 0, 0));
  }
}
