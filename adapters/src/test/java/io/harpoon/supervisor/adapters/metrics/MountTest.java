package io.harpoon.supervisor.adapters.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MountTest {

  @Test
  void v1Line_parse_readsRootMountPointTypeAndControllers() {
    String line =
        "30 25 0:28 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:10 master:3 - cgroup cgroup"
            + " rw,cpu,cpuacct";

    Mount mount = Mount.parse(line).orElseThrow();

    assertThat(mount)
        .isEqualTo(
            new Mount("/", "/sys/fs/cgroup/cpu,cpuacct", "cgroup", Set.of("rw", "cpu", "cpuacct")));
    assertThat(mount.isV1With("cpuacct")).isTrue();
    assertThat(mount.isV1With("memory")).isFalse();
    assertThat(mount.isV2()).isFalse();
  }

  @Test
  void lineWithoutOptionalFields_parse_findsTheSeparator() {
    Mount mount =
        Mount.parse("41 31 0:38 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw").orElseThrow();

    assertThat(mount.isV2()).isTrue();
    assertThat(mount.mountPoint()).isEqualTo("/sys/fs/cgroup/unified");
  }

  @Test
  void escapedMountPoint_parse_unescapesOctal() {
    Mount mount =
        Mount.parse("50 31 0:40 /a\\134b /mnt/my\\040cgroup rw - cgroup cgroup rw,memory")
            .orElseThrow();

    assertThat(mount.mountPoint()).isEqualTo("/mnt/my cgroup");
    assertThat(mount.root()).isEqualTo("/a\\b");
  }

  @Test
  void backslashWithoutOctalDigits_unescape_keepsItLiterally() {
    assertThat(Mount.unescape("a\\x41\\0")).isEqualTo("a\\x41\\0");
  }

  @Test
  void malformedLines_parse_areEmpty() {
    assertThat(Mount.parse("")).isEmpty();
    assertThat(Mount.parse("31 23 0:28 / /sys/fs/cgroup rw")).isEmpty();
    assertThat(Mount.parse("31 23 0:28 / /sys/fs/cgroup rw - tmpfs")).isEmpty();
    assertThat(Mount.parse("- a b c d e f g h")).isEmpty();
    assertThat(Mount.parse("1 2 3 4 relative rw - cgroup cgroup rw,memory")).isEmpty();
  }
}
