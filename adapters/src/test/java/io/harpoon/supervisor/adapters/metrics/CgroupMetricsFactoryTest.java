package io.harpoon.supervisor.adapters.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpoon.supervisor.application.port.out.CgroupMetrics;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.Metrics;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CgroupMetricsFactoryTest {

  private static final ContainerId WEB = new ContainerId("web-1");

  @Test
  void hybridHostWithHugetlbOnlyUnifiedMount_detect_choosesV1WithSeparateCpuacct() {
    CgroupMetrics metrics = detect("v1");

    assertThat(metrics).isInstanceOf(CgroupV1Metrics.class);
    assertThat(metrics.sample(WEB)).contains(new Metrics(134_318_399, 303_104, 67_108_864));
  }

  @Test
  void combinedCpuCpuacctMount_detect_choosesV1ReadingTheCombinedMount() {
    CgroupMetrics metrics = detect("v1-combined");

    assertThat(metrics).isInstanceOf(CgroupV1Metrics.class);
    assertThat(metrics.sample(WEB)).contains(new Metrics(777_000, 1_048_576, 33_554_432));
    assertThat(metrics.oomKills(WEB)).hasValue(1);
  }

  @Test
  void unifiedMountWithMemoryController_detect_choosesV2() {
    CgroupMetrics metrics = detect("v2");

    assertThat(metrics).isInstanceOf(CgroupV2Metrics.class);
    assertThat(metrics.sample(WEB)).contains(new Metrics(123_456_000, 2_097_152, 67_108_864));
  }

  @Test
  void unifiedMountWithoutMemoryAndNoV1_detect_measuresNothing() {
    CgroupMetrics metrics = detect("v2-no-memory");

    assertThat(metrics).isInstanceOf(NoCgroupMetrics.class);
    assertThat(metrics.sample(WEB)).isEmpty();
    assertThat(metrics.oomKills(WEB)).isEmpty();
  }

  @Test
  void missingMountinfo_detect_measuresNothing() {
    Path root = CgroupFixtures.root("v1");

    CgroupMetrics metrics = CgroupMetricsFactory.detect(root.resolve("no-such-file"), root);

    assertThat(metrics).isInstanceOf(NoCgroupMetrics.class);
  }

  @Test
  void thisHost_detect_agreesWithWhereMemoryIsMounted() throws Exception {
    Path mountinfo = Path.of("/proc/self/mountinfo");
    assumeTrue(Files.isReadable(mountinfo), "no /proc/self/mountinfo");
    boolean v1Memory =
        Files.readAllLines(mountinfo).stream()
            .anyMatch(line -> Mount.parse(line).map(m -> m.isV1With("memory")).orElse(false));

    CgroupMetrics metrics = CgroupMetricsFactory.detect();

    if (v1Memory) {
      assertThat(metrics).isInstanceOf(CgroupV1Metrics.class);
    } else {
      assertThat(metrics).isNotInstanceOf(CgroupV1Metrics.class);
    }
  }

  private static CgroupMetrics detect(String fixture) {
    Path root = CgroupFixtures.root(fixture);
    return CgroupMetricsFactory.detect(root.resolve("mountinfo"), root);
  }
}
