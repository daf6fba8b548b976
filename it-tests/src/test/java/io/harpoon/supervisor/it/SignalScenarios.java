package io.harpoon.supervisor.it;

import static io.harpoon.supervisor.it.support.AgentConfig.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.it.support.ControlClient;
import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SupervisorProcess;
import io.harpoon.supervisor.it.support.SupervisorState;
import io.harpoon.supervisor.it.support.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SIGTERM and SIGINT to the supervisor: a stop, then exit 0; a second one: a kill (SPEC §6). */
public interface SignalScenarios extends Scenario {

  @ParameterizedTest(name = "SIG{0}")
  @ValueSource(strings = {"TERM", "INT"})
  default void running_signalToSupervisor_stopsContainerAndExitsZero(String signal) throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always").graceShutdown("10s"));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);
    ControlClient client = fixture().connect(dir);
    awaitRunning(client, supervisor);

    supervisor.signal(signal);
    SupervisorState last = client.awaitState("the container ended", SupervisorState::ended, PROMPTLY);

    assertThat(last.exitStatus()).isEqualTo("{\"exited\":true}");
    assertThat(last.restarting()).isFalse();
    assertThat(supervisor.awaitExit(Duration.ofSeconds(10))).isZero();
    assertThat(Files.exists(dir.control())).as("socket file removed").isFalse();
    client.awaitClosed(PROMPTLY);
  }

  @Test
  default void stoppingOnSigterm_secondSigterm_killsAndExitsZero() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always").graceShutdown("60s"));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_IGNORER);
    ControlClient client = fixture().connect(dir);
    awaitRunning(client, supervisor);

    supervisor.signal("TERM");
    client.awaitState("stopping: up, no longer restarting", s -> s.up() && !s.restarting(), PROMPTLY);
    long second = System.nanoTime();
    supervisor.signal("TERM");
    SupervisorState last = client.awaitState("the container ended", SupervisorState::ended, PROMPTLY);

    assertThat(last.exitStatus()).isEqualTo("{\"signaled\":true,\"signal\":9}");
    assertThat(Scenario.since(second, last)).as("long before the 60 s grace").isLessThan(PROMPTLY);
    assertThat(supervisor.awaitExit(Duration.ofSeconds(10))).isZero();
  }
}
