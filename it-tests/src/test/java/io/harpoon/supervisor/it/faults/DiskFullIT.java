package io.harpoon.supervisor.it.faults;

import static io.harpoon.supervisor.it.support.AgentConfig.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.it.support.CommandResult;
import io.harpoon.supervisor.it.support.ControlClient;
import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SupervisorProcess;
import io.harpoon.supervisor.it.support.SupervisorState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 finding 9: a full disk under the run directory turned a restart into a permanent stop, and
 * left {@code state.json} saying {@code up:true} for a dead process. The run directory here is a 2 MiB
 * tmpfs (its rootfs a symlink out of it), filled up while the container runs; the container then exits 1
 * under {@code on-failure}. The restart cannot write {@code config.json}: that failure may pass, so the
 * supervisor waits the back-off and tries again, with no {@code err}; once space is freed the restart
 * succeeds, and {@code state.json} is right again.
 */
class DiskFullIT extends NativeHostTest {

  @Test
  void runDirectoryFull_restartFails_isRetriedWithTheBackoffAndRecoversOnceFreed() throws IOException {
    RunDirectory dir = fixture().runDirectory();
    Path outside = dir.path().resolveSibling(dir.id() + "-outside");
    Files.createDirectories(outside);
    Path rootfs = outside.resolve("rootfs");
    Files.move(dir.rootfs(), rootfs);
    Path data = Files.createDirectories(outside.resolve("data"));
    mount(dir.path());
    try {
      Files.createSymbolicLink(dir.rootfs(), rootfs);
      dir.write(agent().restart("on-failure").volume("/data", data.toString()));
      List<String> exitOnSignal = List.of("sh", "-c",
          "echo ready; while [ ! -e /data/go ]; do sleep 0.1; done; rm -f /data/go; exit 1");
      SupervisorProcess supervisor = fixture().start(dir, exitOnSignal);
      ControlClient client = fixture().connect(dir);
      client.awaitState("up", SupervisorState::up, STARTED);

      fill(dir.path());
      Files.writeString(data.resolve("go"), "");
      SupervisorState retrying = client.awaitState("down after the exit", s -> !s.up() && s.exited(), PROMPTLY);
      io.harpoon.supervisor.it.support.Poll.until("the full disk in the log", Duration.ofSeconds(10),
          () -> supervisor.stderr().contains("No space left on device"));
      io.harpoon.supervisor.it.support.Poll.until("a second failed restart", Duration.ofSeconds(10),
          () -> supervisor.stderr().split("container failed to start", -1).length > 2);

      assertThat(retrying.restarting()).as("exit 1 under on-failure: a restart is due").isTrue();
      SupervisorState latest = client.states().get(client.states().size() - 1);
      assertThat(latest.restarting()).as("a full disk is no reason to give up: %s", latest).isTrue();
      assertThat(latest.err()).isEmpty();
      assertThat(client.states()).as("never down for good").allMatch(s -> s.up() || s.restarting());
      assertThat(supervisor.isAlive()).isTrue();

      Files.delete(dir.path().resolve("filler"));
      SupervisorState restarted = client.awaitState("up again once space is free", SupervisorState::up,
          Duration.ofSeconds(30));
      assertThat(restarted.restarts()).isEqualTo(1);
      assertThat(restarted.err()).isEmpty();
      client.send("kill");
      client.awaitState("killed", SupervisorState::endedForGood, PROMPTLY);
      assertThat(dir.stateJson().orElseThrow().path("state").path("up").asBoolean(true))
          .as("state.json is right again once it can be written").isFalse();
      client.send("exit");
      assertThat(supervisor.awaitExit(PROMPTLY)).isZero();
    } finally {
      fixture().run("umount", "-l", dir.path().toString());
    }
  }

  private void mount(Path where) {
    CommandResult mounted = fixture().run("mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs",
        where.toString());
    assertThat(mounted.succeeded()).as("tmpfs mounted: %s", mounted).isTrue();
  }

  /** Fills the filesystem of {@code dir} to the last byte; dd ends with ENOSPC. */
  private void fill(Path dir) {
    fixture().run("dd", "if=/dev/zero", "of=" + dir.resolve("filler"), "bs=64k");
    CommandResult free = fixture().run("sh", "-c", "df --output=avail -B1 " + dir + " | tail -n 1");
    assertThat(free.stdout().trim()).as("no space left").isEqualTo("0");
  }
}
