package io.harpoon.supervisor.adapters.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import io.harpoon.supervisor.domain.container.ContainerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootfsPathsTest {

  private static final ContainerConfig.Storage NO_STORAGE =
      new ContainerConfig.Storage(Map.of(), Map.of());

  @TempDir Path dir;
  private Path root;
  private Path host;

  @BeforeEach
  void rootfs() throws IOException {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux");
    root = Files.createDirectories(dir.resolve("rootfs"));
    host = Files.createDirectories(dir.resolve("host"));
    for (String path : new String[] {"dev", "proc", "sys", "etc", "var/lib", "tmp"}) {
      Files.createDirectories(root.resolve(path));
    }
  }

  @Test
  void realDirectories_check_passes() {
    assertThatCode(() -> RootfsPaths.check(root, storage("/var/lib/app/", "/tmp"), true))
        .doesNotThrowAnyException();
  }

  @Test
  void missingDirectories_check_passesForTheRuntimeCreatesThem() throws IOException {
    Files.delete(root.resolve("dev"));

    assertThatCode(() -> RootfsPaths.check(root, storage("/srv/data", "/scratch"), true))
        .doesNotThrowAnyException();
  }

  @Test
  void devIsASymlinkToTheHost_check_isRefusedPermanently() throws IOException {
    Files.delete(root.resolve("dev"));
    Files.createSymbolicLink(root.resolve("dev"), host);

    assertRefused(NO_STORAGE, true, "rootfs: /dev is a symlink (on the way to /dev)");
  }

  @Test
  void devShmIsARelativeSymlink_check_isRefusedToo() throws IOException {
    Files.createSymbolicLink(root.resolve("dev/shm"), Path.of("../tmp"));

    assertRefused(NO_STORAGE, true, "rootfs: /dev/shm is a symlink (on the way to /dev/shm)");
  }

  @Test
  void volumeTargetGoesThroughASymlink_check_isRefused() throws IOException {
    Files.createSymbolicLink(root.resolve("var/run"), host);

    assertRefused(
        storage("/var/run/app", "/scratch"),
        true,
        "rootfs: /var/run is a symlink (on the way to /var/run/app)");
  }

  @Test
  void tmpTargetIsASymlink_check_isRefused() throws IOException {
    Files.delete(root.resolve("tmp"));
    Files.createSymbolicLink(root.resolve("tmp"), Path.of("var/lib"));

    assertRefused(storage("/data", "/tmp"), true, "rootfs: /tmp is a symlink (on the way to /tmp)");
  }

  @Test
  void etcIsASymlink_check_isRefusedOnlyWhenResolvConfIsMounted() throws IOException {
    Files.delete(root.resolve("etc"));
    Files.createSymbolicLink(root.resolve("etc"), host);

    assertRefused(NO_STORAGE, true, "rootfs: /etc is a symlink (on the way to /etc)");
    assertThatCode(() -> RootfsPaths.check(root, NO_STORAGE, false)).doesNotThrowAnyException();
  }

  private void assertRefused(ContainerConfig.Storage storage, boolean resolvConf, String message) {
    assertThatThrownBy(() -> RootfsPaths.check(root, storage, resolvConf))
        .isInstanceOfSatisfying(
            RuntimeFailure.class, e -> assertThat(e.permanent()).as("permanent").isTrue())
        .hasMessageStartingWith(message);
  }

  private static ContainerConfig.Storage storage(String volumeTarget, String tmpTarget) {
    return new ContainerConfig.Storage(Map.of(tmpTarget, 1L), Map.of(volumeTarget, "/srv/x"));
  }
}
