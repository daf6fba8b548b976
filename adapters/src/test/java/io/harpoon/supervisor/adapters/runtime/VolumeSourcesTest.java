package io.harpoon.supervisor.adapters.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeSourcesTest {

  @TempDir Path dir;
  private final VolumeSources sources = new VolumeSources();
  private Path data;

  @BeforeEach
  void volume() throws IOException {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux");
    data = Files.createDirectories(dir.resolve("srv/data"));
  }

  @Test
  void realDirectory_check_givesItsIdentityByNormalizedTarget() throws Exception {
    Map<String, FileIdentity> identities = sources.check(Map.of("/data/", data.toString()));

    assertThat(identities).containsOnlyKeys("/data");
    assertThat(identities.get("/data").inode()).isEqualTo(Files.getAttribute(data, "unix:ino"));
    assertThat(sources.check(Map.of("/data/", data.toString()))).isEqualTo(identities);
  }

  @Test
  void componentSwappedForASymlinkAfterTheFirstStart_check_isRefusedPermanently() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("srv/x/logs"));
    sources.check(Map.of("/logs", logs.toString()));
    Files.delete(logs);
    Files.delete(logs.getParent());
    Files.createSymbolicLink(logs.getParent(), data);
    Files.createDirectory(data.resolve("logs"));

    assertRefusedPermanently(
        Map.of("/logs", logs.toString()),
        "volume /logs: host path "
            + logs
            + " goes through a symlink at "
            + logs.getParent()
            + "; volume sources must be free of symlinks in every component");
  }

  @Test
  void sourceItselfASymlink_check_isRefusedPermanently() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("link"), data);

    assertRefusedPermanently(
        Map.of("/data", link.toString()),
        "volume /data: host path " + link + " goes through a symlink at " + link);
  }

  @Test
  void sourceReplacedByAnotherDirectory_check_isRefusedPermanently() throws Exception {
    FileIdentity first = sources.check(Map.of("/data", data.toString())).get("/data");
    Files.move(data, dir.resolve("srv/old"));
    Files.createDirectory(data);

    assertRefusedPermanently(
        Map.of("/data", data.toString()),
        "volume /data: host path "
            + data
            + " is no longer the directory of the first start ("
            + first);
  }

  @Test
  void missingSource_check_failsTransiently() {
    Path missing = dir.resolve("srv/none/deeper");

    assertThatThrownBy(() -> sources.check(Map.of("/data", missing.toString())))
        .isInstanceOfSatisfying(RuntimeFailure.class, e -> assertThat(e.permanent()).isFalse())
        .hasMessage(
            "volume /data: host path "
                + missing
                + " does not exist ("
                + dir
                + "/srv/none is"
                + " missing)");
  }

  @Test
  void mountPointShowsTheCheckedSource_verifyMounted_passes() throws Exception {
    Map<String, FileIdentity> identities = sources.check(Map.of("/srv/data", data.toString()));

    VolumeSources.verifyMounted(dir.toString(), identities);
  }

  @Test
  void mountPointShowsAnotherDirectory_verifyMounted_isRefusedPermanently() throws Exception {
    Map<String, FileIdentity> identities = sources.check(Map.of("/data", data.toString()));
    Files.createDirectory(dir.resolve("data"));

    assertThatThrownBy(() -> VolumeSources.verifyMounted(dir.toString(), identities))
        .isInstanceOfSatisfying(RuntimeFailure.class, e -> assertThat(e.permanent()).isTrue())
        .hasMessageStartingWith("volume /data: the container got another directory (")
        .hasMessageEndingWith("the host path changed during the start");
  }

  private void assertRefusedPermanently(Map<String, String> volumes, String message) {
    assertThatThrownBy(() -> sources.check(volumes))
        .isInstanceOfSatisfying(RuntimeFailure.class, e -> assertThat(e.permanent()).isTrue())
        .hasMessageStartingWith(message);
  }
}
