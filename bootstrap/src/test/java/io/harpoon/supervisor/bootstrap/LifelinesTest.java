package io.harpoon.supervisor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.adapters.metrics.CgroupMetricsFactory;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.restart.Backoff;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LifelinesTest {

  @Test
  void duration_asAnOperatorWritesIt() {
    assertThat(Lifelines.duration(Duration.ofMillis(850))).isEqualTo("850ms");
    assertThat(Lifelines.duration(Duration.ofSeconds(192))).isEqualTo("3m12s");
    assertThat(Lifelines.duration(Duration.ofSeconds(7_500))).isEqualTo("2h5m0s");
    assertThat(Lifelines.duration(Duration.ofDays(3).plusSeconds(5))).isEqualTo("3d0h0m5s");
  }

  @Test
  void banner_namesVersionPidRuntimeCgroupsAndJava() {
    CommandLine line = new CommandLine("h", new ContainerId("web-1"), List.of("true"), "crun",
        Optional.of("/run/crun"), Backoff.DEFAULT, 8, io.harpoon.supervisor.adapters.runtime.RuntimePolicy.DEFAULT, "text");

    String banner = Lifelines.banner(line,
        CgroupMetricsFactory.detect(Path.of("/nonexistent/mountinfo"), Path.of("/")));

    assertThat(banner)
        .startsWith("starting harpoon-supervisor ")
        .contains(": pid " + ProcessHandle.current().pid() + ", runtime crun (root /run/crun), ")
        .contains("no cgroup metrics")
        .contains("Java " + System.getProperty("java.version"))
        .contains("class data: ");
  }
}
