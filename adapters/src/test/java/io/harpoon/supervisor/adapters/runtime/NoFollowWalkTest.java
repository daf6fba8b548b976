package io.harpoon.supervisor.adapters.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoFollowWalkTest {

  @TempDir Path dir;

  @BeforeEach
  void linux() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux");
  }

  @Test
  void directories_enter_reachTheLastOne() throws Exception {
    Files.createDirectories(dir.resolve("a/b"));
    Files.writeString(dir.resolve("a/b/file"), "x");

    try (NoFollowWalk walk = NoFollowWalk.from(dir.toString())) {
      walk.enter("a");
      walk.enter("b");
      PathStat file = walk.lookup("file").orElseThrow();

      assertThat(file.isDirectory()).isFalse();
      assertThat(file.isSymlink()).isFalse();
      assertThat(file.identity().inode())
          .isEqualTo(Files.getAttribute(dir.resolve("a/b/file"), "unix:ino"));
      assertThat(walk.walked()).isEqualTo(dir + "/a/b");
      assertThat(walk.lookup("none")).isEmpty();
    }
  }

  @Test
  void symlinkedDirectory_enter_isRefusedNotFollowed() throws Exception {
    Files.createDirectory(dir.resolve("real"));
    Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));

    try (NoFollowWalk walk = NoFollowWalk.from(dir.toString())) {
      assertThat(walk.lookup("link").orElseThrow().isSymlink()).isTrue();
      assertThatThrownBy(() -> walk.enter("link"))
          .isInstanceOfSatisfying(
              PathRefusal.class,
              e -> {
                assertThat(e.reason()).isEqualTo(PathRefusal.Reason.SYMLINK);
                assertThat(e.path()).isEqualTo(dir + "/link");
              });
    }
  }

  @Test
  void missingOrFile_enter_isRefusedSayingWhich() throws Exception {
    Files.writeString(dir.resolve("file"), "x");

    try (NoFollowWalk walk = NoFollowWalk.from(dir.toString())) {
      assertThatThrownBy(() -> walk.enter("none"))
          .isInstanceOfSatisfying(
              PathRefusal.class, e -> assertThat(e.reason()).isEqualTo(PathRefusal.Reason.MISSING));
      assertThatThrownBy(() -> walk.enter("file"))
          .isInstanceOfSatisfying(
              PathRefusal.class,
              e -> assertThat(e.reason()).isEqualTo(PathRefusal.Reason.NOT_A_DIRECTORY));
    }
  }

  @Test
  void directory_chmodDirectory_setsStickyWorldWritable() throws Exception {
    Path target = Files.createDirectory(dir.resolve("tmp"));

    try (NoFollowWalk walk = NoFollowWalk.from(dir.toString())) {
      walk.chmodDirectory("tmp", 01777);
    }

    assertThat((Integer) Files.getAttribute(target, "unix:mode") & 07777).isEqualTo(01777);
  }

  @Test
  void symlinkToADirectory_chmodDirectory_isRefusedAndTheTargetKeepsItsMode() throws IOException {
    Path real = Files.createDirectory(dir.resolve("real"));
    Files.createSymbolicLink(dir.resolve("tmp"), real);
    int before = (Integer) Files.getAttribute(real, "unix:mode");

    try (NoFollowWalk walk = NoFollowWalk.from(dir.toString())) {
      assertThatThrownBy(() -> walk.chmodDirectory("tmp", 01777))
          .isInstanceOf(PathRefusal.class)
          .hasMessage(dir + "/tmp is a symlink");
    } catch (PathRefusal e) {
      throw new AssertionError(e);
    }
    assertThat(Files.getAttribute(real, "unix:mode")).isEqualTo(before);
  }

  @Test
  void path_names_dropEmptyAndDotSegments() {
    assertThat(NoFollowWalk.names("//srv/./x//y/")).containsExactly("srv", "x", "y");
    assertThat(NoFollowWalk.names("/")).isEmpty();
  }
}
