package io.harpoon.supervisor.it.faults;

import static io.harpoon.supervisor.it.support.AgentConfig.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.it.support.CommandResult;
import io.harpoon.supervisor.it.support.ControlClient;
import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SupervisorProcess;
import io.harpoon.supervisor.it.support.SupervisorState;
import io.harpoon.supervisor.it.support.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A container killed behind the supervisor's back, and one that misbehaves inside its limits. */
class ContainerFaultsIT extends NativeHostTest {

  /** 200 background processes, then a tmpfs filled to ENOSPC, then a TERM handler. */
  private static final List<String> FORK_AND_FILL = List.of("sh", "-c", """
      i=0; while [ $i -lt 200 ]; do sleep 1000 & i=$((i+1)); done
      dd if=/dev/zero of=/scratch/fill bs=1M 2>/dev/null; echo "filled, dd exit $?"
      trap 'exit 0' TERM; echo ready; while true; do sleep 0.1; done
      """);

  @Test
  void running_sigkillFromHost_reportedAsSignal9_restartedOnFailure() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("on-failure"));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);
    ControlClient client = fixture().connect(dir);
    awaitRunning(client, supervisor);
    String pid = Files.readString(dir.path().resolve("container.pid")).strip();

    CommandResult kill = fixture().run("kill", "-9", pid);
    SupervisorState killed = client.awaitState("the container ended", SupervisorState::ended, PROMPTLY);
    SupervisorState again = client.awaitState("up again", s -> s.up() && s.restarts() == 1, STARTED);
    assertNoZombieChildren(supervisor);

    assertThat(kill.succeeded()).as("kill -9 %s: %s", pid, kill).isTrue();
    assertThat(killed.exitStatus()).isEqualTo("{\"signaled\":true,\"signal\":9}");
    assertThat(killed.restarting()).as("on-failure: a signal is a failure").isTrue();
    assertThat(killed.restarts()).isZero();
    assertThat(again.err()).isEmpty();
    assertThat(Files.readString(dir.path().resolve("container.pid")).strip())
        .as("a new container init").isNotEqualTo(pid);
  }

  @Test
  void forksAndFillsItsTmpfs_supervisorUndisturbed_statesFlow_stopWorks() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always").mem(256).tmp("/scratch", 16));
    SupervisorProcess supervisor = fixture().start(dir, FORK_AND_FILL);
    ControlClient client = fixture().connect(dir);
    client.awaitState("the container up", SupervisorState::up, STARTED);
    supervisor.awaitOutput(Workloads.READY, 1, STARTED);
    long filled = System.nanoTime();
    String tasks = fixture().run("sh", "-c", "cat $(find /sys/fs/cgroup/pids -type d -path '*/harpoon/"
        + dir.id() + "')/tasks | wc -l").stdout().strip();

    // Metrics are sampled every 3 s while the container runs (SPEC §5): a sample taken after the fill.
    SupervisorState sample = client.awaitState("a metrics sample after the fill",
        s -> s.receivedNanos() > filled && s.up() && s.memoryUsage() > 16L << 20, STARTED);
    client.send("stop");
    SupervisorState stopped = client.awaitState("stopped", SupervisorState::endedForGood, STARTED);
    assertNoZombieChildren(supervisor);
    client.send("exit");

    System.out.println("fork and fill: " + tasks + " tasks in the cgroup, memory " + sample.memoryUsage()
        + " bytes; stdout: " + supervisor.stdout().strip());
    assertThat(supervisor.stdout()).contains("filled, dd exit 1");
    assertThat(Integer.parseInt(tasks)).as("processes in the container").isGreaterThan(200);
    assertThat(stopped.exitStatus()).as("the TERM handler ran").isEqualTo("{\"exited\":true}");
    assertThat(supervisor.awaitExit(PROMPTLY)).isZero();
    assertThat(fixture().leftovers(dir.id())).isEmpty();
  }
}
