package io.harpoon.supervisor.it.faults;

import static io.harpoon.supervisor.it.support.AgentConfig.agent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harpoon.supervisor.it.support.CommandResult;
import io.harpoon.supervisor.it.support.Poll;
import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SupervisorProcess;
import io.harpoon.supervisor.it.support.Workloads;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** harpoonctl, run as a process, is the only way this test talks to a real supervisor. */
class HarpoonctlIT extends NativeHostTest {

  /** A cold JVM per command on a busy machine. */
  private static final Duration COMMAND = Duration.ofSeconds(60);
  private static final Pattern STAMPED =
      Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z .+");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void harpoonctlOnly_statusWatchStopExit_allSucceed() throws Exception {
    RunDirectory dir = fixture().runDirectory(agent().restart("on-failure"));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);
    supervisor.awaitOutput(Workloads.READY, 1, STARTED);

    CommandResult status = harpoonctl(dir, "status");
    JsonNode json = MAPPER.readTree(harpoonctl(dir, "status", "--json").stdout());
    Path watchOut = dir.path().resolveSibling(dir.id() + "-watch.out");
    Process watch = new ProcessBuilder(command(dir, "watch")).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(watchOut.toFile()).start();
    try {
      Poll.until("watch prints the first state", COMMAND, () -> stamped(watchOut).size() >= 1);
      CommandResult stop = harpoonctl(dir, "stop", "--wait");
      List<String> lines = Poll.until("watch prints the stop's states", PROMPTLY, () -> {
        List<String> stampedLines = stamped(watchOut);
        return stampedLines.get(stampedLines.size() - 1).contains(" down ")
            ? java.util.Optional.of(stampedLines) : java.util.Optional.empty();
      });
      assertNoZombieChildren(supervisor);
      CommandResult exit = harpoonctl(dir, "exit");

      System.out.println("harpoonctl status:\n" + status.stdout() + "watch:\n" + String.join("\n", lines)
          + "\nstop --wait: " + stop.stdout() + "exit: " + exit.stdout());
      assertThat(status.exitCode()).as("status: %s", status).isZero();
      assertThat(status.stdout()).contains("up");
      assertThat(json.path("up").asBoolean()).isTrue();
      assertThat(json.has("container_exit_status") && json.has("restarts") && json.has("ooms")
          && json.has("container_metrics")).as("a state: %s", json).isTrue();
      assertThat(lines).as("one stamped line per change: up, asked down, down").hasSizeGreaterThanOrEqualTo(3)
          .anySatisfy(line -> assertThat(line).contains(" up, no restart on exit "));
      assertThat(stop.exitCode()).as("stop --wait: %s", stop).isZero();
      assertThat(stop.stdout()).contains("down, last exit: exited 0");
      assertThat(exit.exitCode()).as("exit: %s", exit).isZero();
      assertThat(exit.stdout()).contains("supervisor exited");
      assertThat(supervisor.awaitExit(PROMPTLY)).isZero();
      assertThat(dir.control()).doesNotExist();
    } finally {
      watch.destroyForcibly().waitFor();
      Files.deleteIfExists(watchOut);
    }
  }

  @Test
  void noSupervisor_status_exitsThree() {
    CommandResult status = environment().run(COMMAND, List.of(harpoonctl().toString(),
        "--dir", "/nonexistent", "status"));

    assertThat(status.exitCode()).as("%s", status).isEqualTo(3);
    assertThat(status.stderr()).contains("/nonexistent");
  }

  private CommandResult harpoonctl(RunDirectory dir, String... arguments) {
    return environment().run(COMMAND, command(dir, arguments));
  }

  private static List<String> command(RunDirectory dir, String... arguments) {
    List<String> command = new ArrayList<>(List.of(harpoonctl().toString(), "--dir", dir.path().toString()));
    command.addAll(List.of(arguments));
    return command;
  }

  private static Path harpoonctl() {
    return Path.of(System.getProperty("harpoon.dist", "../bootstrap/target/dist"), "bin/harpoonctl")
        .toAbsolutePath().normalize();
  }

  private static List<String> stamped(Path file) {
    try {
      return Files.readAllLines(file).stream().filter(line -> STAMPED.matcher(line).matches()).toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
