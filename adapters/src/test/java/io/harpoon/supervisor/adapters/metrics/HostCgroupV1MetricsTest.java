package io.harpoon.supervisor.adapters.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpoon.supervisor.application.port.out.CgroupMetrics;
import io.harpoon.supervisor.application.port.out.CgroupMetricsContract;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.Metrics;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs against this host's real cgroup v1 hierarchies, in a cgroup {@code harpoon/<unique id>} the
 * test creates and removes itself. Skipped unless root on a host whose memory controller is on v1.
 */
class HostCgroupV1MetricsTest extends CgroupMetricsContract {

  private static final long LIMIT = 16L * 1024 * 1024;

  private final ContainerId id =
      new ContainerId("misc-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
  private CgroupMetrics metrics;
  private HostCgroup cgroup;

  @BeforeEach
  void createCgroup() throws Exception {
    assumeTrue(HostCgroup.isRoot(), "needs root");
    metrics = CgroupMetricsFactory.detect();
    assumeTrue(metrics instanceof CgroupV1Metrics, "memory controller is not on cgroup v1 here");
    cgroup = HostCgroup.create(id);
  }

  @AfterEach
  void removeCgroup() throws Exception {
    if (cgroup != null) {
      cgroup.remove();
    }
  }

  @Override
  protected CgroupMetrics subject() {
    return metrics;
  }

  @Override
  protected ContainerId existingContainer() {
    return id;
  }

  @Test
  void newCgroupWithLimit_sample_reportsNoUsageAndTheLimit() throws Exception {
    cgroup.limitMemory(LIMIT);

    assertThat(metrics.sample(id)).contains(new Metrics(0, 0, LIMIT));
    assertThat(metrics.oomKills(id)).hasValue(0);
  }

  @Test
  void newCgroupWithoutLimit_sample_reportsLimitZero() {
    assertThat(metrics.sample(id).orElseThrow().memoryLimitBytes()).isZero();
  }

  @Test
  void processOverTheLimit_oomKills_countsTheKillAndCpuTime() throws Exception {
    cgroup.limitMemory(LIMIT);
    // The shell moves itself into both cgroups, then builds a 64 MB string: over the 16 MiB limit
    // (this host has no swap, so the kernel cannot page it out) the OOM killer must kill it.
    Process process =
        new ProcessBuilder(
                "/bin/sh",
                "-c",
                "echo $$ > \"$1\" && echo $$ > \"$2\" && x=$(head -c 64000000 /dev/zero | tr '\\0'"
                    + " a)",
                "sh",
                cgroup.memory().resolve("cgroup.procs").toString(),
                cgroup.cpuacct().resolve("cgroup.procs").toString())
            .inheritIO()
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("shell ended").isTrue();

    assertThat(metrics.oomKills(id).orElseThrow()).isGreaterThanOrEqualTo(1);
    Metrics sample = metrics.sample(id).orElseThrow();
    assertThat(sample.cpuTimeNanos()).isPositive();
    assertThat(sample.memoryLimitBytes()).isEqualTo(LIMIT);
  }

  @Test
  void removedCgroup_sampleAndOomKills_areEmpty() throws Exception {
    cgroup.remove();
    cgroup = null;

    assertThat(metrics.sample(id)).isEmpty();
    assertThat(metrics.oomKills(id)).isEmpty();
  }
}
