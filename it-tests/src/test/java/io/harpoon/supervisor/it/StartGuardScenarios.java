package io.harpoon.supervisor.it;

import static io.harpoon.supervisor.it.support.AgentConfig.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.it.support.CommandResult;
import io.harpoon.supervisor.it.support.ControlClient;
import io.harpoon.supervisor.it.support.Poll;
import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SupervisorProcess;
import io.harpoon.supervisor.it.support.SupervisorState;
import io.harpoon.supervisor.it.support.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the supervisor checks around every start (issue 11 item 4, issue 15 items 2 and 6): tmpfs
 * mounts the container can write, volume sources a container cannot redirect between two starts,
 * and a rootfs whose {@code /dev} cannot lead the runtime onto the host.
 */
public interface StartGuardScenarios extends Scenario {

  @Test
  default void tmpMountOverARootOwned0755Directory_started_theContainersUserWritesIntoIt()
      throws IOException {
    RunDirectory dir = fixture().runDirectory();
    Path results = dir.volume("results");
    Path tmp = dir.rootfs().resolve("tmp");
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    dir.write(agent().tmp("/tmp", 4).volume("/data", results.toString()));
    String script = "stat -c %a /tmp > /data/mode; id -u > /data/uid;"
        + " if echo x > /tmp/file; then echo written; else echo refused; fi > /data/write";
    fixture().start(dir, List.of("sh", "-c", script));

    Poll.until("the probe done", STARTED, () -> Files.exists(results.resolve("write")));

    assertThat(Files.getAttribute(tmp, "unix:uid")).as("the rootfs's /tmp owner").isEqualTo(0);
    assertThat(read(results, "uid")).isEqualTo("1");
    assertThat(read(results, "mode")).isEqualTo("1777");
    assertThat(read(results, "write")).isEqualTo("written");
  }

  /**
   * Issue 15 item 2 without nested sources (validation refuses those): the host bind-mounts a
   * directory of the {@code /data} volume elsewhere, and the {@code /logs} volume's source lies
   * below that bind, so the container reaches a component of {@code /logs}'s source path through
   * {@code /data}. It swaps that component for a symlink to a victim directory and exits 1; the
   * automatic restart must refuse the source, and the victim stays untouched.
   */
  @Test
  default void containerSwapsAVolumeSourceForASymlink_restarted_refusedWithErr_victimUntouched()
      throws IOException {
    RunDirectory dir = fixture().runDirectory();
    Path data = dir.volume("a");
    Path inner = Files.createDirectories(data.resolve("inner/logs")).getParent();
    Files.setPosixFilePermissions(inner, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path view = Files.createDirectories(dir.path().resolve("volumes/b-view"));
    Path victim = dir.volume("victim");
    Path logs = view.resolve("logs");
    mountBind(inner, view);
    try {
      dir.write(agent().restart("on-failure").volume("/data", data.toString())
          .volume("/logs", logs.toString()));
      String attack = "if [ -e /data/attacked ]; then echo pwned > /logs/pwned; exec sleep 100; fi;"
          + " touch /data/attacked; rm -rf /data/inner/logs; busybox ln -s " + victim + " /data/inner/logs;"
          + " exit 1";
      SupervisorProcess supervisor = fixture().start(dir, List.of("sh", "-c", attack));
      ControlClient client = fixture().connect(dir);

      SupervisorState refused = client.awaitState("a state with err", s -> !s.err().isEmpty(), STARTED);
      client.send("exit");

      // Asked where the supervisor runs: the bind mount is in its mount namespace (a container's, in Docker).
      assertThat(fixture().run("test", "-L", logs.toString()).succeeded()).as("the attack swapped the source")
          .isTrue();
      assertThat(refused.err()).isEqualTo("volume /logs: host path " + logs
          + " goes through a symlink at " + logs
          + "; volume sources must be free of symlinks in every component");
      assertThat(refused.up()).isFalse();
      assertThat(refused.restarting()).isFalse();
      assertThat(victim).isEmptyDirectory();
      assertThat(supervisor.awaitExit(PROMPTLY)).isZero();
    } finally {
      fixture().run("umount", view.toString());
    }
  }

  @Test
  default void rootfsDevIsASymlinkToAHostDirectory_started_refusedWithErr_nothingCreatedThere()
      throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always"));
    Path hostDirectory = dir.volume("host-dev");
    Path dev = dir.rootfs().resolve("dev");
    Files.delete(dev);
    Files.createSymbolicLink(dev, hostDirectory);
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);
    ControlClient client = fixture().connect(dir);

    SupervisorState refused = client.awaitState("a state with err", s -> !s.err().isEmpty(), STARTED);
    client.send("exit");

    assertThat(refused.err()).startsWith("rootfs: /dev is a symlink (on the way to /dev)");
    assertThat(refused.restarting()).isFalse();
    assertThat(hostDirectory).isEmptyDirectory();
    assertThat(supervisor.awaitExit(PROMPTLY)).isZero();
  }

  private void mountBind(Path source, Path target) {
    CommandResult mount = fixture().run("mount", "--bind", source.toString(), target.toString());
    assertThat(mount.succeeded()).as("mount --bind: " + mount.stderr()).isTrue();
  }

  private static String read(Path results, String name) throws IOException {
    Path file = results.resolve(name);
    return Files.exists(file) ? Files.readString(file).strip() : "(missing " + name + ")";
  }
}
