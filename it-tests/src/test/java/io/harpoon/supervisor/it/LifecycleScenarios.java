package io.harpoon.supervisor.it;

import static io.harpoon.supervisor.it.support.AgentConfig.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.it.support.ControlClient;
import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SupervisorState;
import io.harpoon.supervisor.it.support.Workloads;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The first state, the metrics samples and the OOM kill (SPEC §5, §6). */
public interface LifecycleScenarios extends Scenario {

  long MB = 1024 * 1024;

  @ParameterizedTest(name = "restart {0}")
  @CsvSource({"no, false", "on-failure, true", "always, true"})
  default void started_restartPolicy_firstUpStateSaysWhetherItWillRestart(String policy,
      boolean restarting) throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart(policy));
    fixture().start(dir, Workloads.TERM_HANDLER);
    ControlClient client = fixture().connect(dir);

    SupervisorState up = client.awaitState("the container up", SupervisorState::up, STARTED);

    assertThat(up.restarting()).as("restarting with policy %s", policy).isEqualTo(restarting);
    assertThat(up.exitStatus()).isEqualTo("{}");
    assertThat(up.restarts()).isZero();
    assertThat(up.ooms()).isZero();
    assertThat(up.keys()).as("keys in wire order, err omitted when empty").containsExactly(
        "up", "restarting", "container_exit_status", "restarts", "ooms", "container_metrics");
    assertThat(up.json().path("container_metrics").has("cpu_time")).isTrue();
  }

  @Test
  default void running_metricsSamples_reportTheLimitAndGrowingCpuTime() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().mem(48));
    fixture().start(dir, Workloads.BUSY_LOOP);
    ControlClient client = fixture().connect(dir);

    SupervisorState sample = client.awaitState("a sample with the 48 MB limit and some cpu time",
        s -> s.up() && s.memoryLimit() == 48 * MB && s.cpuTime() > 0, Duration.ofSeconds(10));
    SupervisorState next = client.awaitState("the next sample, 3 s later, with more cpu time",
        s -> s.up() && s.cpuTime() > sample.cpuTime(), Duration.ofSeconds(8));

    assertThat(sample.memoryUsage()).isPositive().isLessThanOrEqualTo(48 * MB);
    assertThat(next.memoryLimit()).isEqualTo(48 * MB);
    assertThat(Duration.ofNanos(next.receivedNanos() - sample.receivedNanos()))
        .as("sampling period").isGreaterThan(Duration.ofMillis(1500));
  }

  @Test
  default void allocatingOverTheLimit_oomKilledTwice_reportsOomedAndCountsEach() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().mem(16).restart("on-failure"));
    fixture().start(dir, Workloads.ALLOCATE_64MB);
    ControlClient client = fixture().connect(dir);

    SupervisorState first = client.awaitState("the first end", SupervisorState::ended, STARTED);
    SupervisorState second = client.awaitState("the second end",
        s -> s.ended() && s.restarts() == 1, STARTED);

    assertThat(first.oomed()).as("oomed in %s", first).isTrue();
    assertThat(first.ooms()).isEqualTo(1);
    assertThat(first.restarting()).as("an OOM kill is a failure").isTrue();
    assertThat(first.exited()).as("an OOM kill is not reported as an exit").isFalse();
    assertThat(second.oomed()).isTrue();
    assertThat(second.ooms()).isEqualTo(2);
  }

  @Test
  default void restarted_metricsSamples_cpuTimeIsCumulative() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always"));
    fixture().start(dir, Workloads.BUSY_THEN_FAIL);
    ControlClient client = fixture().connect(dir);

    client.awaitState("a sample of the 1st run", s -> s.up() && s.restarts() == 0 && s.cpuTime() > 0,
        Duration.ofSeconds(10));
    SupervisorState restarted = client.awaitState("the 2nd run", s -> s.up() && s.restarts() == 1,
        Duration.ofSeconds(10));
    SupervisorState sample = client.awaitState("a sample of the 2nd run",
        s -> s.up() && s.restarts() == 1 && s.receivedNanos() > restarted.receivedNanos(),
        Duration.ofSeconds(8));

    long firstRun = client.states().stream().filter(s -> s.receivedNanos() < restarted.receivedNanos())
        .mapToLong(SupervisorState::cpuTime).max().orElseThrow();
    assertThat(sample.cpuTime()).as("cpu time of both runs").isGreaterThan(firstRun);
    assertThat(restarted.cpuTime()).as("no reset at the restart").isGreaterThanOrEqualTo(firstRun);
  }
}
