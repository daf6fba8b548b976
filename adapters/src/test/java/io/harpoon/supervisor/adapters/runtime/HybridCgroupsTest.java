package io.harpoon.supervisor.adapters.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HybridCgroupsTest {

  private static final String V1 =
      String.join(
          "\n",
          "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755",
          "32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu",
          "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory",
          "40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd");
  private static final String UNIFIED_MOUNT =
      "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw";

  private final Map<Path, String> controllers = new HashMap<>();

  @Test
  void hybridWithControllersOnCgroup2_crunRefusal_namesTheLayoutAndTheWayOut() {
    controllers.put(Path.of("/sys/fs/cgroup/unified"), "hugetlb\n");

    assertThat(HybridCgroups.crunRefusal(V1 + "\n" + UNIFIED_MOUNT, controllers::get))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .contains("hybrid", "/sys/fs/cgroup/unified", "hugetlb", "use runc"));
  }

  @Test
  void hybridWithoutControllersOnCgroup2_crunRefusal_isEmptyAsCrunAcceptsIt() {
    controllers.put(Path.of("/sys/fs/cgroup/unified"), "\n");

    assertThat(HybridCgroups.crunRefusal(V1 + "\n" + UNIFIED_MOUNT, controllers::get)).isEmpty();
  }

  @Test
  void pureV1_crunRefusal_isEmpty() {
    assertThat(HybridCgroups.crunRefusal(V1, controllers::get)).isEmpty();
  }

  @Test
  void pureV2_crunRefusal_isEmpty() {
    String unified = "30 23 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate";
    controllers.put(Path.of("/sys/fs/cgroup"), "cpuset cpu io memory pids\n");

    assertThat(HybridCgroups.crunRefusal(unified, controllers::get)).isEmpty();
  }

  @Test
  void onlyNamedV1HierarchyPlusCgroup2_crunRefusal_isEmpty() {
    String systemdOnly =
        String.join(
            "\n",
            "40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd",
            UNIFIED_MOUNT);
    controllers.put(Path.of("/sys/fs/cgroup/unified"), "memory\n");

    assertThat(HybridCgroups.crunRefusal(systemdOnly, controllers::get)).isEmpty();
  }
}
