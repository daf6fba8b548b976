package io.harpoon.supervisor.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.it.Scenario;
import io.harpoon.supervisor.it.support.Environment;
import io.harpoon.supervisor.it.support.HostEnvironment;
import io.harpoon.supervisor.it.support.Poll;
import io.harpoon.supervisor.it.support.Prerequisites;
import io.harpoon.supervisor.it.support.ProcessTable;
import io.harpoon.supervisor.it.support.SupervisorFixture;
import io.harpoon.supervisor.it.support.SupervisorProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * The per-test fixture for the standalone classes of this package, which run on this host only: they
 * need the host's view of processes (kill, /proc of the supervisor's JVM) and its harpoonctl. Skips
 * without the prerequisites, or fails under CI=true, as {@code SupervisorScenarios} does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NativeHostTest implements Scenario {

  private Environment environment;
  private List<String> missing;
  private SupervisorFixture fixture;

  @BeforeAll
  void checkPrerequisites() {
    environment = HostEnvironment.fromSystemProperty();
    missing = environment.missingPrerequisites();
    if (Prerequisites.onCi()) {
      Prerequisites.require(suite(), missing);
    }
  }

  @BeforeEach
  void newFixture(TestInfo test) {
    Prerequisites.require(suite(), missing);
    fixture = new SupervisorFixture(environment, getClass().getSimpleName() + " " + test.getDisplayName());
  }

  @AfterEach
  void cleanUp() {
    if (fixture != null) {
      fixture.close();
      fixture = null;
    }
  }

  @Override
  public SupervisorFixture fixture() {
    return fixture;
  }

  /** The host environment of this class. */
  Environment environment() {
    return environment;
  }

  /**
   * Fails when the supervisor has zombie children: every child it spawns (runtime commands, adopted
   * container inits) must be reaped. Polls briefly, as a child that has just exited is a zombie until
   * the reaper's next wait.
   */
  void assertNoZombieChildren(SupervisorProcess supervisor) {
    Poll.until("no zombie children of the supervisor " + supervisor.pid(), PROMPTLY,
        () -> ProcessTable.zombiesOf(environment, supervisor.pid()).isEmpty());
    assertThat(supervisor.isAlive()).as("the supervisor is still running").isTrue();
  }

  /** Waits until the process {@code pid} is gone from /proc (exited and reaped). */
  static void awaitGone(long pid, Duration timeout) {
    Poll.until("process " + pid + " gone", timeout,
        () -> !java.nio.file.Files.exists(java.nio.file.Path.of("/proc", Long.toString(pid))));
  }

  private String suite() {
    return "the native " + getClass().getSimpleName() + " suite";
  }
}
