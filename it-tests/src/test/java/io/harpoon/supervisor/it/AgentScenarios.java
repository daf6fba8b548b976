package io.harpoon.supervisor.it;

import static io.harpoon.supervisor.it.support.AgentConfig.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.it.support.AgentConfig;
import io.harpoon.supervisor.it.support.AgentModel;
import io.harpoon.supervisor.it.support.AgentObserver;
import io.harpoon.supervisor.it.support.AgentObserver.Outcome;
import io.harpoon.supervisor.it.support.AgentObserver.Verdict;
import io.harpoon.supervisor.it.support.ControlClient;
import io.harpoon.supervisor.it.support.RealAgentClient;
import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SupervisorFixture;
import io.harpoon.supervisor.it.support.SupervisorProcess;
import io.harpoon.supervisor.it.support.SupervisorState;
import io.harpoon.supervisor.it.support.Workloads;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The supervisor as the real harpoon agent uses it (issue 11): a client that decides exactly as the
 * agent does watches from before the supervisor is executed until the end. It must reach no verdict while
 * the container is being started or runs, reach the verdict that matches what happened (finished, or
 * failed with the right {@code err}), and its {@code exit} must end the supervisor with 0. Start-up races
 * are repeated: {@value #REPETITIONS} supervisors started at once per case, each watched from its first
 * moment. The same cases run with {@code realclient -agent}, the original agent's own code, when present.
 */
public interface AgentScenarios extends Scenario {

  /** Supervisors started at once for each start-up case. */
  int REPETITIONS = 20;
  /** Supervisors for the cases that act on a running container. */
  int FEW = 3;
  /**
   * Supervisors per case judged by the original agent's code: its rule is the one {@link AgentModel}
   * applies 20 times over; this shows the two agree, at a quarter of the time.
   */
  int REAL_AGENT_REPETITIONS = 5;
  /** How long a verdict may take with 20 supervisors starting at once on two cores. */
  Duration VERDICT = Duration.ofSeconds(60);
  /** How long each of 20 JVMs may take to flush and exit once its exit is accepted, on two cores. */
  Duration EXITED = Duration.ofSeconds(30);

  /** Who judges the states: the agent's rule here in Java, or the original agent's code. */
  enum Judge { AGENT_MODEL, REAL_AGENT }

  /** One way a container's life goes, what the agent must conclude, and what the state must say. */
  enum Case {
    NO_EXIT_0("no", Workloads.exitWith(0), Verdict.FINISHED, REPETITIONS, s -> s.exited() && s.exitCode() == 0),
    NO_EXIT_3("no", Workloads.exitWith(3), Verdict.FINISHED, REPETITIONS, s -> s.exited() && s.exitCode() == 3),
    ON_FAILURE_EXIT_0("on-failure", Workloads.exitWith(0), Verdict.FINISHED, REPETITIONS,
        s -> s.exited() && s.exitCode() == 0),
    /** Restarted without end: no verdict until the test stops it. */
    ON_FAILURE_EXIT_3("on-failure", Workloads.runThenExit("0.2", 3), Verdict.FINISHED, REPETITIONS,
        s -> s.restarts() >= 1),
    ALWAYS_EXIT_0("always", Workloads.runThenExit("0.2", 0), Verdict.FINISHED, REPETITIONS,
        s -> s.restarts() >= 1),
    ALWAYS_EXIT_3("always", Workloads.runThenExit("0.2", 3), Verdict.FINISHED, REPETITIONS,
        s -> s.restarts() >= 1),
    /**
     * The agent stops it as soon as it runs, maybe before its shell has set the TERM trap (then TERM to a
     * namespace's init is dropped and SIGKILL follows the grace): an exit status either way.
     */
    STOP_AFTER_RUNNING("always", Workloads.TERM_HANDLER, Verdict.FINISHED, FEW, s -> s.exited() || s.signaled()),
    KILL_AFTER_RUNNING("always", Workloads.TERM_IGNORER, Verdict.FINISHED, FEW,
        s -> s.signaled() && s.signal() == 9),
    MISSING_COMMAND("on-failure", List.of("no-such-command"), Verdict.FAILED, REPETITIONS,
        s -> s.err().contains("no-such-command")),
    REJECTED_CONFIG("always", Workloads.TERM_HANDLER, Verdict.FAILED, REPETITIONS,
        s -> s.err().contains("restart: 'sometimes'")),
    MISSING_ROOTFS("always", Workloads.TERM_HANDLER, Verdict.FAILED, REPETITIONS, s -> s.err().contains("rootfs")),
    /** Crashes again and again; stopped while it waits to restart. */
    CRASH_LOOP_STOPPED_IN_BACKOFF("always", Workloads.exitWith(1), Verdict.FINISHED, FEW,
        s -> s.exited() || s.signaled());

    final String policy;
    final List<String> command;
    final Verdict verdict;
    final int repetitions;
    final Predicate<SupervisorState> finalState;

    Case(String policy, List<String> command, Verdict verdict, int repetitions,
        Predicate<SupervisorState> finalState) {
      this.policy = policy;
      this.command = command;
      this.verdict = verdict;
      this.repetitions = repetitions;
      this.finalState = finalState;
    }

    /** The container restarts forever: the test must stop it to get a verdict. */
    boolean restartsForever() {
      return this == ON_FAILURE_EXIT_3 || this == ALWAYS_EXIT_0 || this == ALWAYS_EXIT_3;
    }

    Optional<String> agentSendsAfterRunning() {
      return switch (this) {
        case STOP_AFTER_RUNNING -> Optional.of("stop");
        case KILL_AFTER_RUNNING -> Optional.of("kill");
        default -> Optional.empty();
      };
    }

    void prepare(RunDirectory dir) throws IOException {
      // Twenty JVMs and twenty runc creates at once on two cores: the start may take seconds, and a first
      // start given up is final. The verdicts are about the states, not the machine's speed.
      AgentConfig config = agent().restart(policy).graceStartup("60s");
      switch (this) {
        case REJECTED_CONFIG -> dir.write(agent().restart("sometimes"));
        case MISSING_ROOTFS -> {
          dir.write(config);
          dir.deleteRootfs();
        }
        default -> dir.write(config);
      }
    }
  }

  static Stream<Arguments> agentCases() {
    return Arrays.stream(Judge.values())
        .flatMap(judge -> Arrays.stream(Case.values()).map(c -> Arguments.of(c, judge)));
  }

  @ParameterizedTest(name = "{0}, judged by {1}")
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  @MethodSource("io.harpoon.supervisor.it.AgentScenarios#agentCases")
  default void agentWatchingFromTheStart_judgesWhatHappenedAndItsExitEndsTheSupervisor(Case c, Judge judge)
      throws IOException {
    if (judge == Judge.REAL_AGENT) {
      RealAgentClient.missing().ifPresent(Assumptions::abort);
    }
    List<Watched> runs = new ArrayList<>();
    int repetitions = judge == Judge.REAL_AGENT ? Math.min(c.repetitions, REAL_AGENT_REPETITIONS) : c.repetitions;
    for (int i = 0; i < repetitions; i++) {
      RunDirectory dir = fixture().runDirectory();
      c.prepare(dir);
      runs.add(new Watched(dir, null));
    }
    for (Watched run : runs) {
      // The agent is connecting (its socket missing) before its supervisor is executed; the next ones
      // are launched while this one starts, so they all start at once.
      run.observer = observe(judge, run.dir, c);
      run.supervisor = fixture().launch(run.dir,
          SupervisorFixture.arguments(run.dir, SupervisorFixture.FAST_OPTIONS, c.command));
    }
    try {
      for (Watched run : runs) {
        check(c, run);
      }
    } finally {
      runs.stream().filter(run -> run.observer != null).forEach(run -> run.observer.close());
    }
  }

  private AgentObserver observe(Judge judge, RunDirectory dir, Case c) throws IOException {
    Duration patience = VERDICT.multipliedBy(3);
    return switch (judge) {
      case AGENT_MODEL -> c.agentSendsAfterRunning()
          .<AgentObserver>map(command -> AgentModel.watchThenSend(dir.control(), command, patience))
          .orElseGet(() -> AgentModel.watch(dir.control(), patience));
      case REAL_AGENT -> RealAgentClient.watch(dir.path(), c.agentSendsAfterRunning(), patience);
    };
  }

  private void check(Case c, Watched run) throws IOException {
    AgentObserver agent = run.observer;
    String context = c + " in " + run.dir.id() + ", the agent saw:\n  ";
    if (c.restartsForever()) {
      assertThat(agent.awaitRestarts(1, VERDICT)).as(context + agent.transcript()).isTrue();
      assertThat(agent.awaitVerdict(Duration.ZERO)).as("no verdict while it restarts: " + context
          + agent.transcript()).isEmpty();
      stopBy(run, s -> true);
    } else if (c == Case.CRASH_LOOP_STOPPED_IN_BACKOFF) {
      stopBy(run, s -> !s.up() && s.restarting() && s.exited());
    }
    Outcome outcome = agent.awaitVerdict(VERDICT)
        .orElseThrow(() -> new AssertionError("no verdict for " + context + agent.transcript()));
    assertThat(outcome.verdict()).as(context + agent.transcript()).isEqualTo(c.verdict);
    SupervisorState judged = SupervisorState.of(new io.harpoon.supervisor.it.support.SseEvent("state",
        outcome.state(), 0));
    assertThat(judged.up() || judged.restarting()).as("a verdict only on a final state").isFalse();
    assertThat(c.finalState.test(judged) || c.restartsForever())
        .as("the final state says what happened: %s, %s%s", judged, context, agent.transcript()).isTrue();
    if (c.verdict == Verdict.FINISHED) {
      assertThat(judged.err()).isEmpty();
      assertThat(judged.endedForGood()).as("an exit status in " + judged).isTrue();
    } else {
      assertThat(run.supervisor.isAlive()).as("after failed the agent sends no exit; still serving").isTrue();
      ControlClient operator = fixture().connect(run.dir);
      operator.send("exit");
    }
    assertThat(run.supervisor.awaitExit(EXITED)).as("exit accepted: " + context + agent.transcript()).isZero();
  }

  /** Waits (as another client) for a state that {@code when} accepts, then sends {@code stop}. */
  private void stopBy(Watched run, Predicate<SupervisorState> when) throws IOException {
    ControlClient operator = fixture().connect(run.dir);
    operator.awaitState("the moment to stop", when, VERDICT);
    operator.send("stop");
  }

  /** One supervisor and the agent watching it. */
  final class Watched {
    final RunDirectory dir;
    AgentObserver observer;
    SupervisorProcess supervisor;

    Watched(RunDirectory dir, AgentObserver observer) {
      this.dir = dir;
      this.observer = observer;
    }
  }
}
