package io.harpoon.supervisor.it;

import static io.harpoon.supervisor.it.support.AgentConfig.agent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harpoon.supervisor.it.support.ControlClient;
import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SseEvent;
import io.harpoon.supervisor.it.support.SupervisorFixture;
import io.harpoon.supervisor.it.support.SupervisorProcess;
import io.harpoon.supervisor.it.support.SupervisorState;
import io.harpoon.supervisor.it.support.UnixSockets;
import io.harpoon.supervisor.it.support.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command replies, the exit command and who owns the socket (SPEC §5). */
public interface ControlSocketScenarios extends Scenario {

  @Test
  default void running_exitAndUnknownCommand_refusedOnThatConnectionOnly() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("no"));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);
    ControlClient asking = fixture().connect(dir);
    ControlClient watching = fixture().connect(dir);
    awaitRunning(asking, supervisor);

    asking.send("exit");
    JsonNode exitError = errorData(asking.awaitEvent("error", PROMPTLY));
    asking.send("frobnicate");
    JsonNode unknownError = errorData(asking.awaitEvent("error", PROMPTLY));
    asking.send("kill");
    watching.awaitState("the container killed", SupervisorState::ended, PROMPTLY);

    assertThat(exitError.path("command").asText()).isEqualTo("exit");
    assertThat(exitError.path("error").asText()).isNotBlank();
    assertThat(unknownError.path("command").asText()).isEqualTo("frobnicate");
    assertThat(unknownError.path("error").asText()).isNotBlank();
    assertThat(watching.events()).extracting(SseEvent::type).containsOnly("state");
    assertThat(supervisor.isAlive()).isTrue();
  }

  @Test
  default void down_exit_supervisorExitsZeroAndRemovesItsSocket() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always"));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);
    ControlClient client = fixture().connect(dir);
    awaitRunning(client, supervisor);
    client.send("kill");
    client.awaitState("the container ended", SupervisorState::endedForGood, PROMPTLY);

    SupervisorState current = fixture().connect(dir).awaitState("the current state", s -> true, PROMPTLY);
    client.send("exit");

    assertThat(current.exitStatus()).as("a late client learns the last state at once")
        .isEqualTo("{\"signaled\":true,\"signal\":9}");
    assertThat(supervisor.awaitExit(PROMPTLY)).isZero();
    assertThat(Files.exists(dir.control())).as("socket file removed").isFalse();
    client.awaitClosed(PROMPTLY);
    assertThat(client.events()).extracting(SseEvent::type).doesNotContain("error");
  }

  @Test
  default void running_twoClients_seeTheSameStatesInOrder() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always"));
    fixture().start(dir, Workloads.runThenExit("0.2", 1));
    ControlClient first = fixture().connect(dir);
    ControlClient second = fixture().connect(dir);
    first.awaitState("three restarts", s -> s.up() && s.restarts() >= 3, STARTED);

    first.send("kill");
    SupervisorState last = first.awaitState("the end", SupervisorState::endedForGood, PROMPTLY);
    second.awaitState("the end", SupervisorState::endedForGood, PROMPTLY);

    List<String> a = first.states().stream().map(SupervisorState::data).toList();
    List<String> b = second.states().stream().map(SupervisorState::data).toList();
    assertThat(a.get(a.size() - 1)).isEqualTo(last.data());
    assertThat(b.size()).isLessThanOrEqualTo(a.size());
    assertThat(a.subList(a.size() - b.size(), a.size()))
        .as("the second client saw the first client's states from its connection on").isEqualTo(b);
  }

  @Test
  default void running_halfClosedAndClosedClients_containerUnaffected() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("no"));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);
    ControlClient halfClosed = fixture().connect(dir);
    awaitRunning(halfClosed, supervisor);
    halfClosed.shutdownOutput();
    fixture().connect(dir).close();
    ControlClient other = fixture().connect(dir);
    other.awaitState("up", SupervisorState::up, PROMPTLY);

    other.send("kill");
    SupervisorState seen = halfClosed.awaitState("the end, after half-closing", SupervisorState::ended,
        PROMPTLY);

    assertThat(seen.exitStatus()).as("our kill, not a stop caused by a closed connection")
        .isEqualTo("{\"signaled\":true,\"signal\":9}");
  }

  @Test
  default void running_secondSupervisorInTheSameDirectory_exitsOneAndFirstKeepsWorking()
      throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("no"));
    SupervisorProcess first = fixture().start(dir, Workloads.TERM_HANDLER);
    ControlClient client = fixture().connect(dir);
    awaitRunning(client, first);

    SupervisorProcess second = fixture().launch(dir,
        SupervisorFixture.arguments(dir, SupervisorFixture.FAST_OPTIONS, Workloads.TERM_HANDLER));

    assertThat(second.awaitExit(SupervisorFixture.STARTUP)).isEqualTo(1);
    assertThat(second.stderr()).isNotBlank();
    assertThat(first.isAlive()).isTrue();
    ControlClient late = fixture().connect(dir);
    SupervisorState current = late.awaitState("the current state", s -> true, PROMPTLY);
    assertThat(current.up()).isTrue();
    assertThat(current.restarts()).isZero();
    late.send("kill");
    client.awaitState("the kill, seen by the first client", SupervisorState::ended, PROMPTLY);
  }

  @Test
  default void staleSocketFile_supervisorStarts_replacesIt() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("no"));
    UnixSockets.createStale(dir.control());
    assertThat(UnixSockets.accepting(dir.control())).isFalse();

    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);
    ControlClient client = fixture().connect(dir);

    assertThat(awaitRunning(client, supervisor).up()).isTrue();
  }

  private static JsonNode errorData(SseEvent error) throws IOException {
    return new ObjectMapper().readTree(error.data());
  }
}
