package io.harpoon.supervisor.adapters.metrics;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The fixture trees under {@code src/test/resources/cgroupfs}: each a filesystem root + mountinfo.
 */
final class CgroupFixtures {

  private CgroupFixtures() {}

  /** The root of fixture {@code name} ({@code v1}, {@code v1-combined}, {@code v2}, ...). */
  static Path root(String name) {
    URL url = Objects.requireNonNull(CgroupFixtures.class.getResource("/cgroupfs/" + name), name);
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  /** The hybrid host's cgroup v1 mounts (separate cpu and cpuacct). */
  static CgroupV1Metrics v1() {
    Path cgroup = root("v1").resolve("sys/fs/cgroup");
    return new CgroupV1Metrics(cgroup.resolve("cpuacct"), cgroup.resolve("memory"));
  }

  /** A pure cgroup v2 host. */
  static CgroupV2Metrics v2() {
    return new CgroupV2Metrics(root("v2").resolve("sys/fs/cgroup"));
  }
}
