package io.harpoon.supervisor.it;

import io.harpoon.supervisor.it.support.Environment;
import io.harpoon.supervisor.it.support.Prerequisites;
import io.harpoon.supervisor.it.support.SupervisorFixture;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * Every end-to-end scenario of the built supervisor, checked against SPEC.md through its command line,
 * its run directory and its control socket only. A subclass says where the supervisor runs (its
 * {@link Environment}); the scenarios are the same everywhere.
 *
 * <p>A scenario that needs what an environment lacks by design ({@link Environment.Feature}) is skipped
 * there with the environment's reason, see {@link Scenario#require}.
 *
 * <p>Without the prerequisites (root, runc, busybox, the distribution) the whole class is skipped,
 * except under CI=true where it fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SupervisorScenarios implements LifecycleScenarios, StopScenarios,
    RestartScenarios, SignalScenarios, ControlSocketScenarios, ClientIsolationScenarios,
    ConfigErrorScenarios, ContainerSetupScenarios, CommandLineScenarios, RecoveryScenarios,
    StartGuardScenarios, ConfinementScenarios, IsolationAttackScenarios, AgentScenarios {

  private Environment environment;
  private List<String> missing;
  private SupervisorFixture fixture;

  /** The environment the supervisors of this class run in; called once. */
  protected abstract Environment createEnvironment();

  @BeforeAll
  void checkPrerequisites() {
    environment = createEnvironment();
    missing = environment.missingPrerequisites();
    if (Prerequisites.onCi()) {
      Prerequisites.require(suite(), missing);
    }
  }

  @BeforeEach
  void newFixture(TestInfo test) {
    // Skipping test by test (not the class at once) makes the reports count and explain each skip.
    Prerequisites.require(suite(), missing);
    fixture = new SupervisorFixture(environment, test.getDisplayName());
  }

  @AfterEach
  void cleanUp() {
    if (fixture != null) {
      fixture.close();
      fixture = null;
    }
  }

  @AfterAll
  void closeEnvironment() {
    if (environment != null) {
      environment.close();
    }
  }

  private String suite() {
    return "the " + environment.name() + " supervisor suite";
  }

  @Override
  public SupervisorFixture fixture() {
    return fixture;
  }
}
