package io.harpoon.supervisor.adapters.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.ContainerId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeStateRootTest {

  private static final ContainerId ID = new ContainerId("box-1");

  @TempDir Path root;

  @Test
  void explicitRootWithoutTheIdsDirectory_mayKnow_isFalse() {
    assertThat(RuntimeStateRoot.explicit(root).mayKnow(ID)).isFalse();
  }

  @Test
  void explicitRootWithTheIdsDirectory_mayKnow_isTrue() throws IOException {
    Files.createDirectory(root.resolve(ID.value()));

    assertThat(RuntimeStateRoot.explicit(root).mayKnow(ID)).isTrue();
  }

  @Test
  void unknownRuntime_mayKnow_isAlwaysTrue() {
    assertThat(RuntimeStateRoot.defaultOf("/opt/bin/youki").mayKnow(ID)).isTrue();
    assertThat(RuntimeStateRoot.unknown().mayKnow(ID)).isTrue();
  }

  @Test
  void runcRunByRoot_mayKnow_looksUnderRunRunc() {
    boolean root = "root".equals(System.getProperty("user.name"));
    boolean expected = !root || Files.exists(Path.of("/run/runc", ID.value()));

    assertThat(RuntimeStateRoot.defaultOf("/usr/sbin/runc").mayKnow(ID)).isEqualTo(expected);
  }
}
