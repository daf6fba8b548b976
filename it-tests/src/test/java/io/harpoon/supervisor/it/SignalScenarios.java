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

  /**
   * Issue 15 finding 10: a burst of 300 SIGTERMs (the review saw exit 143: the handlers were restored
   * before the last state was flushed) ends the supervisor with 0, and no runtime temp directory is left.
   */
  @Test
  default void sigtermBurst_exitsZero() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always"));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);
    ControlClient client = fixture().connect(dir);
    awaitRunning(client, supervisor);

    fixture().environment().run(Duration.ofSeconds(30), java.util.List.of("sh", "-c",
        "for i in $(seq 300); do kill -TERM " + supervisor.pid() + " 2>/dev/null || break; done"));

    assertThat(supervisor.awaitExit(Duration.ofSeconds(15))).as("exit status after 300 SIGTERMs").isZero();
    assertThat(Files.exists(dir.control())).as("socket file removed").isFalse();
  }

  /**
   * Issue 11 finding 5: started with SIGINT ignored (as a shell starts a background job), SIGINT still
   * starts a graceful shutdown.
   */
  @Test
  default void sigintIgnoredByTheParent_sigint_stopsGracefullyAndExitsZero() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always"));
    java.util.List<String> arguments = io.harpoon.supervisor.it.support.SupervisorFixture.arguments(dir,
        io.harpoon.supervisor.it.support.SupervisorFixture.FAST_OPTIONS, Workloads.TERM_HANDLER);
    SupervisorProcess supervisor = fixture().launchIgnoringSigint(dir, arguments);
    supervisor.awaitControlSocket(dir.control(), STARTED);
    ControlClient client = fixture().connect(dir);
    awaitRunning(client, supervisor);

    supervisor.signal("INT");
    SupervisorState last = client.awaitState("the container ended", SupervisorState::ended, PROMPTLY);

    assertThat(last.exitStatus()).as("stopped by SIGTERM, which it handles").isEqualTo("{\"exited\":true}");
    assertThat(supervisor.awaitExit(Duration.ofSeconds(10))).isZero();
    assertThat(supervisor.stderr()).contains("SIGINT was ignored by the parent process: handled all the same");
  }
}
