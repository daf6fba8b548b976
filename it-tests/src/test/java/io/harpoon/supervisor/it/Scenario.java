package io.harpoon.supervisor.it;

import io.harpoon.supervisor.it.support.ControlClient;
import io.harpoon.supervisor.it.support.Environment;
import io.harpoon.supervisor.it.support.SupervisorFixture;
import io.harpoon.supervisor.it.support.SupervisorProcess;
import io.harpoon.supervisor.it.support.SupervisorState;
import io.harpoon.supervisor.it.support.Workloads;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * What every group of scenarios shares: the fixture of the current test, and the bounded waits. The
 * groups are interfaces with default test methods so that {@link SupervisorScenarios} can combine them,
 * and every environment runs all of them.
 */
public interface Scenario {

  /** A state the supervisor should publish promptly (a reaction to a command or an exit). */
  Duration PROMPTLY = Duration.ofSeconds(5);
  /** A state that needs a container start, on a noisy machine. */
  Duration STARTED = Duration.ofSeconds(15);

  /** The fixture of the running test. */
  SupervisorFixture fixture();

  /**
   * Skips the running scenario, with the environment's reason, where the environment lacks {@code feature}
   * by design. Not a missing prerequisite, so it is a skip under CI too, and reported as one.
   */
  default void require(Environment.Feature feature) {
    Environment environment = fixture().environment();
    environment.lacks(feature).ifPresent(reason ->
        Assumptions.abort("not in the " + environment.name() + " environment: " + reason));
  }

  /** Waits for the first {@code up} state and for the workload to have set its TERM disposition. */
  default SupervisorState awaitRunning(ControlClient client, SupervisorProcess supervisor) {
    SupervisorState up = client.awaitState("the container up", SupervisorState::up, STARTED);
    supervisor.awaitOutput(Workloads.READY, 1, STARTED);
    return up;
  }

  /** The time from {@code sentNanos} (a {@link System#nanoTime()}) to the reception of {@code state}. */
  static Duration since(long sentNanos, SupervisorState state) {
    return Duration.ofNanos(state.receivedNanos() - sentNanos);
  }
}
