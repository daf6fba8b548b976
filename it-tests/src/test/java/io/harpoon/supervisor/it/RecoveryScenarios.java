package io.harpoon.supervisor.it;

import static io.harpoon.supervisor.it.support.AgentConfig.agent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.harpoon.supervisor.it.support.ControlClient;
import io.harpoon.supervisor.it.support.Poll;
import io.harpoon.supervisor.it.support.ProcessTable;
import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SupervisorProcess;
import io.harpoon.supervisor.it.support.SupervisorState;
import io.harpoon.supervisor.it.support.Workloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What survives the supervisor: state.json, no zombies, and a successor's take-over (SPEC §3, §8). */
public interface RecoveryScenarios extends Scenario {

  @Test
  default void killed_stateJson_holdsTheLastExitStatus() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always"));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);
    ControlClient client = fixture().connect(dir);
    awaitRunning(client, supervisor);

    client.send("kill");
    client.awaitState("the container ended", SupervisorState::endedForGood, PROMPTLY);
    JsonNode saved = Poll.until("state.json with the kill, last read: " + stateJson(dir), PROMPTLY,
        () -> stateJson(dir).map(RecoveryScenarios::socketState)
            .filter(json -> json.path("container_exit_status").path("signal").asInt() == 9));

    assertThat(saved.path("up").asBoolean(true)).isFalse();
    assertThat(saved.path("restarting").asBoolean(true)).isFalse();
    assertThat(saved.path("container_exit_status").toString())
        .isEqualTo("{\"signaled\":true,\"signal\":9}");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"exit command", "SIGTERM"})
  default void supervisorExitsCleanly_leavesNoRuntimeContainerOrCgroup(String how) throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("no"));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);
    ControlClient client = fixture().connect(dir);
    awaitRunning(client, supervisor);

    if (how.equals("SIGTERM")) {
      supervisor.signal("TERM");
    } else {
      client.send("stop");
      client.awaitState("the container ended", SupervisorState::ended, PROMPTLY);
      client.send("exit");
    }

    assertThat(supervisor.awaitExit(PROMPTLY)).isZero();
    assertThat(fixture().leftovers(dir.id())).as("left on the host after exit 0").isEmpty();
  }

  @Test
  default void restartedManyTimes_reaped_noZombieChildren() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always"));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.exitWith(1));
    ControlClient client = fixture().connect(dir);
    client.awaitState("four restarts", s -> s.restarts() >= 4, Duration.ofSeconds(20));

    client.send("kill");
    client.awaitState("the end", SupervisorState::endedForGood, PROMPTLY);

    Poll.until("no zombie children of the supervisor", PROMPTLY,
        () -> ProcessTable.zombiesOf(fixture().environment(), supervisor.pid()).isEmpty());
    assertThat(supervisor.isAlive()).isTrue();
  }

  @Test
  default void supervisorKilled_successorStarted_adoptsTheRunningContainer() throws IOException {
    RunDirectory dir = fixture().runDirectory();
    Path data = dir.volume("data");
    dir.write(agent().restart("always").volume("/data", data.toString()));
    List<String> command = Workloads.countingStarts("/data/starts");
    SupervisorProcess first = fixture().start(dir, command);
    awaitRunning(fixture().connect(dir), first);
    first.killHard();

    fixture().start(dir, command);
    ControlClient client = fixture().connect(dir);
    SupervisorState adopted = client.awaitState("up", SupervisorState::up, STARTED);
    client.send("stop");
    SupervisorState down = client.awaitState("the end", SupervisorState::ended, PROMPTLY);

    assertThat(adopted.restarts()).isZero();
    assertThat(lines(data.resolve("starts"))).as("started once: adopted, not restarted").isEqualTo(1);
    assertThat(down.unknown()).as("a status only the dead supervisor could see: %s", down).isTrue();
    assertThat(down.restarting()).isFalse();
  }

  @Test
  default void supervisorKilledThenContainerDied_successorStarted_startsAfresh() throws IOException {
    RunDirectory dir = fixture().runDirectory();
    Path data = dir.volume("data");
    dir.write(agent().restart("always").volume("/data", data.toString()));
    List<String> command = Workloads.countingStarts("/data/starts");
    SupervisorProcess first = fixture().start(dir, command);
    awaitRunning(fixture().connect(dir), first);
    first.killHard();
    fixture().run("runc", "kill", dir.id(), "KILL");
    Poll.until("the orphaned container stopped", PROMPTLY,
        () -> fixture().run("runc", "state", dir.id()).stdout().contains("\"stopped\""));

    SupervisorProcess second = fixture().start(dir, command);
    ControlClient client = fixture().connect(dir);
    client.awaitState("up", SupervisorState::up, STARTED);

    second.awaitOutput(Workloads.READY, 1, STARTED);
    assertThat(lines(data.resolve("starts"))).as("started again").isEqualTo(2);
  }

  @Test
  default void supervisorKilledWhileCrashLooping_successorStarted_keepsTheCounters() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always"));
    SupervisorProcess first = fixture().start(dir, Workloads.runThenExit("0.2", 1));
    SupervisorState before = fixture().connect(dir).awaitState("two restarts",
        s -> s.restarts() >= 2, STARTED);
    first.killHard();

    fixture().start(dir, Workloads.runThenExit("0.2", 1));
    SupervisorState after = fixture().connect(dir).awaitState("up", SupervisorState::up, STARTED);

    assertThat(after.restarts()).as("restarts continue from state.json").isGreaterThanOrEqualTo(
        before.restarts());
  }

  private static Optional<JsonNode> stateJson(RunDirectory dir) {
    try {
      return dir.stateJson();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The socket's JSON inside state.json: SPEC §8 says "the same JSON as the socket, plus what a successor
   * needs", which a journal may hold at its top level or as one nested object.
   */
  private static JsonNode socketState(JsonNode journal) {
    if (journal.has("container_exit_status")) {
      return journal;
    }
    for (JsonNode field : journal) {
      if (field.isObject() && field.has("container_exit_status")) {
        return field;
      }
    }
    return journal;
  }

  private static long lines(Path file) {
    try {
      return Files.readAllLines(file).size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
