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
import java.util.List;
import org.junit.jupiter.api.Test;

/** The restart policies and the back-off between quick crashes (SPEC §6). */
public interface RestartScenarios extends Scenario {

  @Test
  default void policyNo_exitThree_staysDownWithStatusThree() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("no"));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.exitWith(3));
    ControlClient client = fixture().connect(dir);

    SupervisorState down = client.awaitState("the container ended", SupervisorState::ended, STARTED);
    client.send("exit");

    assertThat(down.exitStatus()).isEqualTo("{\"exited\":true,\"exit_status\":3}");
    assertThat(down.restarting()).isFalse();
    assertThat(down.restarts()).isZero();
    assertThat(supervisor.awaitExit(PROMPTLY)).as("exit accepted: no restart pending").isZero();
  }

  @Test
  default void policyOnFailure_exitThree_restartedAndCounted() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("on-failure"));
    fixture().start(dir, Workloads.exitWith(3));
    ControlClient client = fixture().connect(dir);

    SupervisorState failed = client.awaitState("ended with 3, to be restarted",
        s -> s.ended() && s.restarting(), STARTED);
    SupervisorState again = client.awaitState("up again after two restarts",
        s -> s.up() && s.restarts() >= 2, STARTED);

    assertThat(failed.exitStatus()).isEqualTo("{\"exited\":true,\"exit_status\":3}");
    assertThat(again.exitStatus()).as("cleared by the restart").isEqualTo("{}");
    assertThat(client.states()).extracting(SupervisorState::restarts)
        .as("the counter never goes back").isSorted();
  }

  @Test
  default void policyOnFailure_exitZero_notRestarted() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("on-failure"));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.exitWith(0));
    ControlClient client = fixture().connect(dir);

    SupervisorState down = client.awaitState("the container ended", SupervisorState::ended, STARTED);
    client.send("exit");

    assertThat(down.exitStatus()).isEqualTo("{\"exited\":true}");
    assertThat(down.restarting()).isFalse();
    assertThat(down.restarts()).isZero();
    assertThat(supervisor.awaitExit(PROMPTLY)).as("exit accepted: no restart pending").isZero();
  }

  @Test
  default void policyAlways_exitZero_restarted() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always"));
    fixture().start(dir, Workloads.exitWith(0));
    ControlClient client = fixture().connect(dir);

    SupervisorState ended = client.awaitState("ended with 0, to be restarted",
        s -> s.ended() && s.restarting(), STARTED);
    SupervisorState again = client.awaitState("up again", s -> s.up() && s.restarts() >= 1, STARTED);

    assertThat(ended.exitStatus()).isEqualTo("{\"exited\":true}");
    assertThat(again.restarting()).isTrue();
  }

  @Test
  default void quickCrashes_restartDelay200ms_delayDoubles() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always"));
    List<String> options = List.of("--restart-delay", "200ms", "--max-restart-delay", "10s",
        "--backoff-reset", "30s");
    fixture().start(dir, options, Workloads.runThenExit("0.5", 1));
    ControlClient client = fixture().connect(dir);

    SupervisorState start1 = client.awaitState("1st start", s -> s.up() && s.restarts() == 0, STARTED);
    List<Duration> waits = new java.util.ArrayList<>();
    for (int restarts = 1; restarts <= 3; restarts++) {
      int n = restarts;
      SupervisorState exit = client.awaitState("exit " + n, SupervisorState::ended, STARTED);
      SupervisorState start = client.awaitState("start " + (n + 1),
          s -> s.up() && s.restarts() == n, STARTED);
      waits.add(between(exit, start));
    }
    Duration gap1 = between(start1, client.states().stream().filter(s -> s.up() && s.restarts() == 1)
        .findFirst().orElseThrow());

    // The restart timer starts when the exit is seen, a little before this client reads the state;
    // a runtime start under load adds to every wait, hence bounds below and one wide comparison.
    assertThat(waits.get(0)).as("1st wait, 200 ms").isGreaterThan(Duration.ofMillis(150));
    assertThat(waits.get(1)).as("2nd wait, 400 ms").isGreaterThan(Duration.ofMillis(350));
    assertThat(waits.get(2)).as("3rd wait, 800 ms").isGreaterThan(Duration.ofMillis(750))
        .isGreaterThan(waits.get(0));
    assertThat(gap1).as("1st to 2nd start").isGreaterThan(Duration.ofMillis(650));
  }

  @Test
  default void defaultOptions_crash_restartedAfterOneSecond() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("on-failure"));
    fixture().start(dir, List.of(), Workloads.exitWith(1));
    ControlClient client = fixture().connect(dir);

    SupervisorState exit = client.awaitState("the exit", SupervisorState::ended, STARTED);
    SupervisorState start = client.awaitState("the restart", s -> s.up() && s.restarts() == 1, STARTED);

    assertThat(between(exit, start)).as("the default restart delay, 1 s")
        .isGreaterThan(Duration.ofMillis(950)).isLessThan(Duration.ofSeconds(5));
  }

  private static Duration between(SupervisorState earlier, SupervisorState later) {
    return Duration.ofNanos(later.receivedNanos() - earlier.receivedNanos());
  }
}
