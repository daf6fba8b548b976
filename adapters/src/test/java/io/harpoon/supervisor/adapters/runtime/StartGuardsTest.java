package io.harpoon.supervisor.adapters.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpoon.supervisor.application.port.out.LaunchSpec;
import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartGuardsTest {

  @TempDir Path runDirectory;

  @BeforeEach
  void rootfs() throws IOException {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux");
    Files.createDirectory(runDirectory.resolve("rootfs"));
  }

  @Test
  void fdAboveTheHostsNrOpen_beforeCreate_isRefusedNamingBothNumbers() {
    StartGuards guards = new StartGuards(new HostFacts(true, true, 1024, "amd64"));
    LaunchSpec spec = LaunchSpecs.defaults().limits(0, 0, 4096).build("c1", "h", runDirectory);

    assertThatThrownBy(() -> guards.beforeCreate(spec))
        .isInstanceOfSatisfying(RuntimeFailure.class, e -> assertThat(e.permanent()).isTrue())
        .hasMessage(
            "resources.fd 4096 is above this host's fs.nr_open (1024), the most open files any"
                + " process may have: lower resources.fd, or raise /proc/sys/fs/nr_open");
  }

  @Test
  void fdAtTheHostsNrOpen_beforeCreate_passes() throws RuntimeFailure {
    StartGuards guards = new StartGuards(new HostFacts(true, true, 4096, "amd64"));
    LaunchSpec spec = LaunchSpecs.defaults().limits(0, 0, 4096).build("c1", "h", runDirectory);

    assertThat(guards.beforeCreate(spec).volumes()).isEmpty();
  }

  @Test
  void thisHost_detect_readsItsWholeNrOpen() throws IOException {
    Path nrOpen = Path.of("/proc/sys/fs/nr_open");
    assumeTrue(Files.isReadable(nrOpen), "needs /proc/sys/fs/nr_open");

    assertThat(HostFacts.detect().nrOpen())
        .isEqualTo(Long.parseLong(String.join("", Files.readAllLines(nrOpen)).strip()))
        .isGreaterThanOrEqualTo(1024);
  }
}
