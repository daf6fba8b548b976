package io.harpoon.supervisor.it;

import static io.harpoon.supervisor.it.support.AgentConfig.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.it.support.ControlClient;
import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SupervisorProcess;
import io.harpoon.supervisor.it.support.SupervisorState;
import io.harpoon.supervisor.it.support.Workloads;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stop and kill commands, and the framings a client may use to send them (SPEC §5, §6). */
public interface StopScenarios extends Scenario {

  @Test
  default void running_stopAndContainerHandlesTerm_downWithExitZeroWithoutKill() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always").graceShutdown("10s"));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);
    ControlClient client = fixture().connect(dir);
    awaitRunning(client, supervisor);

    long sent = System.nanoTime();
    client.send("stop");
    SupervisorState down = client.awaitState("the container ended", SupervisorState::ended, PROMPTLY);

    assertThat(down.exitStatus()).isEqualTo("{\"exited\":true}");
    assertThat(down.restarting()).isFalse();
    assertThat(Scenario.since(sent, down)).as("long before the 10 s grace").isLessThan(PROMPTLY);
  }

  @Test
  default void running_stopAndContainerIgnoresTerm_killedAfterTheGrace() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always").graceShutdown("1s"));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_IGNORER);
    ControlClient client = fixture().connect(dir);
    awaitRunning(client, supervisor);

    long sent = System.nanoTime();
    client.send("stop");
    SupervisorState stopping = client.awaitState("still up, no longer restarting",
        s -> s.up() && !s.restarting(), PROMPTLY);
    SupervisorState down = client.awaitState("the container ended", SupervisorState::ended, PROMPTLY);

    assertThat(Scenario.since(sent, stopping)).as("published at once, long before the kill")
        .isLessThan(Scenario.since(sent, down).minusMillis(500));
    assertThat(down.exitStatus()).isEqualTo("{\"signaled\":true,\"signal\":9}");
    assertThat(down.restarting()).isFalse();
    assertThat(Scenario.since(sent, down)).as("not before the grace").isGreaterThanOrEqualTo(
        Duration.ofSeconds(1));
  }

  @Test
  default void running_kill_downWithSignalNineAndNoRestart() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always").graceShutdown("10s"));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);
    ControlClient client = fixture().connect(dir);
    awaitRunning(client, supervisor);

    client.send("kill");
    SupervisorState down = client.awaitState("the container ended", SupervisorState::ended, PROMPTLY);

    assertThat(down.exitStatus()).isEqualTo("{\"signaled\":true,\"signal\":9}");
    assertThat(down.restarting()).isFalse();
    assertThat(down.restarts()).isZero();
  }

  @ParameterizedTest(name = "framing {index}")
  @ValueSource(strings = {"event: stop\r\ndata\r\n\r\n", "\uFEFF: a comment\revent:stop\r\r"})
  default void running_stopInAnotherFraming_sameAsStop(String framing) throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always").graceShutdown("10s"));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);
    ControlClient client = fixture().connect(dir);
    awaitRunning(client, supervisor);

    client.sendRaw(framing.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    SupervisorState down = client.awaitState("the container ended", SupervisorState::ended, PROMPTLY);

    assertThat(down.exitStatus()).isEqualTo("{\"exited\":true}");
    assertThat(down.restarting()).isFalse();
  }

  @Test
  default void waitingToRestart_stop_cancelsTheRestart() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always"));
    SupervisorProcess supervisor = fixture().start(dir,
        java.util.List.of("--restart-delay", "3s"), Workloads.exitWith(1));
    ControlClient client = fixture().connect(dir);
    client.awaitState("ended, waiting to restart", s -> s.ended() && s.restarting(), STARTED);

    client.send("stop");
    SupervisorState down = client.awaitState("no longer restarting", s -> !s.restarting(), PROMPTLY);
    client.send("exit");

    assertThat(down.up()).isFalse();
    assertThat(down.restarts()).isZero();
    assertThat(supervisor.awaitExit(PROMPTLY)).as("exit accepted: no restart pending").isZero();
  }
}
