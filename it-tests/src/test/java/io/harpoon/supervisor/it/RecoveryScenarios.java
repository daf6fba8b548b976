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
import java.util.stream.LongStream;
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

  /**
   * SPEC §8 with a container that keeps writing. Its output is copied to the supervisor's stdout by relay
   * processes of its own, not by the supervisor: killed outright, the supervisor takes no reader of the
   * container's pipes with it, so the container neither stops writing nor dies of SIGPIPE, its lines keep
   * reaching the first supervisor's stdout with none lost, and the successor adopts it as it is.
   */
  @Test
  default void supervisorKilled_chattyContainerKeepsWritingToTheSameStdout_successorAdoptsIt() throws IOException {
    RunDirectory dir = fixture().runDirectory();
    Path data = dir.volume("data");
    dir.write(agent().restart("always").volume("/data", data.toString()));
    List<String> command = List.of("sh", "-c", "echo start >> /data/starts; trap 'exit 0' TERM; echo ready; "
        + "i=0; while true; do i=$((i + 1)); echo line $i; sleep 0.1; done");
    SupervisorProcess first = fixture().start(dir, command);
    awaitRunning(fixture().connect(dir), first);
    first.killHard();
    long atKill = numberedLines(first.stdout()).size();

    Poll.until("10 more lines (1 s) in the dead supervisor's stdout, " + atKill + " at the kill", PROMPTLY,
        () -> numberedLines(first.stdout()).size() >= atKill + 10);
    assertThat(fixture().run("runc", "state", dir.id()).stdout()).as("the container after the kill")
        .contains("\"running\"");

    SupervisorProcess second = fixture().start(dir, command);
    ControlClient client = fixture().connect(dir);
    SupervisorState adopted = client.awaitState("up", SupervisorState::up, STARTED);
    long atAdoption = numberedLines(first.stdout()).size();
    Poll.until("the output still flowing once adopted", PROMPTLY,
        () -> numberedLines(first.stdout()).size() >= atAdoption + 5);
    client.send("stop");
    SupervisorState down = client.awaitState("the end", SupervisorState::ended, PROMPTLY);

    assertThat(adopted.restarts()).isZero();
    assertThat(lines(data.resolve("starts"))).as("started once: adopted, not restarted").isEqualTo(1);
    assertThat(down.restarting()).isFalse();
    assertThat(down.unknown()).as("an end only the dead supervisor could see: %s", down).isTrue();
    List<Long> numbers = numberedLines(first.stdout());
    assertThat(numbers).as("every line, in order, none lost across the kill")
        .isEqualTo(LongStream.rangeClosed(1, numbers.size()).boxed().toList());
    assertThat(second.stdout()).as("the successor's stdout: the container's output did not move")
        .doesNotContain("line ");
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

  /**
   * Issue 15 finding 8: a {@code stop} under way when the supervisor dies is not lost. The container
   * ignores SIGTERM; the successor neither restarts it nor waits a fresh grace: it sends SIGKILL when
   * what was left of the 3 s grace runs out, and the container ends down for good.
   */
  @Test
  default void supervisorKilledDuringAStop_successor_finishesTheStopWithoutRestart() throws IOException {
    RunDirectory dir = fixture().runDirectory();
    Path data = dir.volume("data");
    dir.write(agent().restart("always").graceShutdown("3s").volume("/data", data.toString()));
    List<String> ignoresTerm = List.of("sh", "-c",
        "echo start >> /data/starts; trap '' TERM; echo ready; while true; do sleep 0.1; done");
    SupervisorProcess first = fixture().start(dir, ignoresTerm);
    ControlClient client = fixture().connect(dir);
    awaitRunning(client, first);
    client.send("stop");
    client.awaitState("stopping", s -> s.up() && !s.restarting(), PROMPTLY);
    Poll.until("state.json records the stop", PROMPTLY,
        () -> stateJson(dir).filter(j -> j.path("goal").asText().equals("stop")));
    first.killHard();
    long killedAt = System.nanoTime();

    fixture().start(dir, ignoresTerm);
    ControlClient successor = fixture().connect(dir);
    SupervisorState taken = successor.awaitState("taken over", SupervisorState::up, STARTED);
    SupervisorState down = successor.awaitState("down for good", SupervisorState::endedForGood,
        Duration.ofSeconds(15));

    assertThat(taken.up() && !taken.restarting()).as("still stopping, never restarting: %s", taken).isTrue();
    assertThat(down.err()).isEmpty();
    assertThat(Duration.ofNanos(down.receivedNanos() - killedAt))
        .as("SIGKILL when the rest of the 3 s grace ran out, not a fresh grace").isLessThan(Duration.ofSeconds(10));
    assertThat(successor.states().stream().dropWhile(s -> !s.up()))
        .as("once taken over, never restarting").noneMatch(SupervisorState::restarting);
    assertThat(lines(data.resolve("starts"))).as("never started again").isEqualTo(1);
  }

  /**
   * Issue 15 finding 5: two run directories given the same ID. The second supervisor finds the first one's
   * container in the runtime, sees from its bundle that it belongs elsewhere, and neither adopts, signals
   * nor removes it: it fails with an err naming the other directory.
   */
  @Test
  default void sameIdInAnotherRunDirectory_isNeverTakenOverNorTouched() throws IOException {
    RunDirectory owner = fixture().runDirectory(agent().restart("always"));
    SupervisorProcess first = fixture().start(owner, Workloads.TERM_HANDLER);
    ControlClient ownerClient = fixture().connect(owner);
    SupervisorState running = awaitRunning(ownerClient, first);

    RunDirectory intruder = fixture().runDirectory(agent().restart("always"));
    List<String> sameId = new java.util.ArrayList<>(
        io.harpoon.supervisor.it.support.SupervisorFixture.arguments(intruder, List.of(), Workloads.TERM_HANDLER));
    sameId.set(sameId.indexOf(intruder.id()), owner.id());
    SupervisorProcess second = fixture().launch(intruder, sameId);
    second.awaitControlSocket(intruder.control(), STARTED);
    ControlClient intruderClient = fixture().connect(intruder);
    SupervisorState refused = intruderClient.awaitState("refused", s -> !s.err().isEmpty(), STARTED);
    intruderClient.send("kill");

    assertThat(refused.up() || refused.restarting()).isFalse();
    assertThat(refused.err()).contains(owner.path().toString()).contains("another ID");
    assertThat(ownerClient.states().stream().dropWhile(s -> !s.up()))
        .as("the owner's container was never signalled").allMatch(SupervisorState::up);
    assertThat(fixture().run("runc", "state", owner.id()).stdout()).contains("\"running\"")
        .contains(owner.path().toString());
    assertThat(running.up()).isTrue();
    intruderClient.send("exit");
    assertThat(second.awaitExit(PROMPTLY)).isZero();
    assertThat(fixture().run("runc", "state", owner.id()).stdout()).as("still running after the intruder left")
        .contains("\"running\"");
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

  /** The numbers of the {@code line N} lines in {@code output}, in their order. */
  private static List<Long> numberedLines(String output) {
    return output.lines().filter(line -> line.startsWith("line "))
        .map(line -> Long.parseLong(line.substring("line ".length()).strip())).toList();
  }

  private static long lines(Path file) {
    try {
      return Files.readAllLines(file).size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
