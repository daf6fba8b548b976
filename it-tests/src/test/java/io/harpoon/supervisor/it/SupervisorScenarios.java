package io.harpoon.supervisor.it;

import io.harpoon.supervisor.it.support.Environment;
import io.harpoon.supervisor.it.support.Prerequisites;
import io.harpoon.supervisor.it.support.SupervisorFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Every end-to-end scenario of the built supervisor, checked against SPEC.md through its command line,
 * its run directory and its control socket only. A subclass says where the supervisor runs (its
 * {@link Environment}); the scenarios are the same everywhere.
 *
 * <p>Without the prerequisites (root, runc, busybox, the distribution) the whole class is skipped,
 * except under CI=true where it fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SupervisorScenarios implements LifecycleScenarios, StopScenarios,
    RestartScenarios, SignalScenarios, ControlSocketScenarios, ClientIsolationScenarios,
    ConfigErrorScenarios, ContainerSetupScenarios, CommandLineScenarios, RecoveryScenarios {

  private Environment environment;
  private SupervisorFixture fixture;

  /** The environment the supervisors of this class run in; called once. */
  protected abstract Environment createEnvironment();

  @BeforeAll
  void checkPrerequisites() {
    environment = createEnvironment();
    Prerequisites.require("the " + environment.name() + " supervisor suite",
        environment.missingPrerequisites());
  }

  @BeforeEach
  void newFixture() {
    fixture = new SupervisorFixture(environment);
  }

  @AfterEach
  void cleanUp() {
    fixture.close();
  }

  @Override
  public SupervisorFixture fixture() {
    return fixture;
  }
}
