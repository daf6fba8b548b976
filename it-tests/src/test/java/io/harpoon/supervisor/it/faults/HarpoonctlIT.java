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
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * harpoonctl, run as a process, is the only way this test talks to a real supervisor: every command
 * and every exit code of docs/operations.md's table.
 */
class HarpoonctlIT extends NativeHostTest {

  /** A cold JVM per command on a busy machine. */
  private static final Duration COMMAND = Duration.ofSeconds(60);
  private static final Pattern STAMPED =
      Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z .+");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void running_statusLsWatchStopExit_allSucceed() throws Exception {
    RunDirectory dir = fixture().runDirectory(agent().restart("on-failure").mem(64));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);
    supervisor.awaitOutput(Workloads.READY, 1, STARTED);

    CommandResult status = harpoonctl(dir, "status");
    JsonNode json = MAPPER.readTree(harpoonctl(dir, "status", "--json").stdout());
    CommandResult ls = harpoonctl(List.of("ls", dir.path().toString()));
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
            ? Optional.of(stampedLines) : Optional.empty();
      });
      CommandResult down = harpoonctl(dir, "status");
      CommandResult stopAgain = harpoonctl(dir, "stop");
      CommandResult killAgain = harpoonctl(dir, "kill", "--wait");
      assertNoZombieChildren(supervisor);
      CommandResult exit = harpoonctl(dir, "exit");

      System.out.println("harpoonctl status:\n" + status.stdout() + "ls:\n" + ls.stdout() + "watch:\n"
          + String.join("\n", lines) + "\nstop --wait: " + stop.stdout() + "status:\n" + down.stdout()
          + "stop: " + stopAgain.stdout() + "exit: " + exit.stdout());
      assertThat(status.exitCode()).as("status: %s", status).isZero();
      assertThat(status.stdout())
          .contains("id          " + dir.id() + "\n")
          .containsPattern("state       running, up \\d+(ms|s)")
          .containsPattern("pid         \\d+\n")
          .contains("supervisor  pid " + supervisor.pid() + "\n")
          .contains("memory      ");
      assertThat(json.path("up").asBoolean()).isTrue();
      assertThat(json.has("container_exit_status") && json.has("restarts") && json.has("ooms")
          && json.has("container_metrics")).as("a state: %s", json).isTrue();
      assertThat(json.path("status").path("supervisor_pid").asLong()).isEqualTo(supervisor.pid());
      assertThat(json.path("status").path("phase").asText()).isEqualTo("running");
      assertThat(json.path("status").path("memory_limit").asLong()).isEqualTo(64L << 20);
      assertThat(ls.exitCode()).as("ls: %s", ls).isZero();
      assertThat(ls.stdout()).startsWith("ID ").contains(dir.id()).contains("running");
      assertThat(lines).as("one stamped line per change: up, asked down, down").hasSize(3)
          .anySatisfy(line -> assertThat(line).contains(" up, no restart on exit "));
      assertThat(stop.exitCode()).as("stop --wait: %s", stop).isZero();
      assertThat(stop.stdout()).contains("down, last exit: exited 0");
      assertThat(down.exitCode()).as("status when down: %s", down).isEqualTo(3);
      assertThat(down.stdout()).containsPattern("state       exited, down since \\S+ \\(")
          .contains("memory").contains("64 MiB");
      assertThat(stopAgain.exitCode()).as("stop when down: %s", stopAgain).isZero();
      assertThat(stopAgain.stdout()).startsWith("already down, last exit: exited 0");
      assertThat(killAgain.exitCode()).as("kill --wait when down: %s", killAgain).isZero();
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
  void crashLoop_status_saysRestartingInAndExitsThree() throws Exception {
    RunDirectory dir = fixture().runDirectory(agent().restart("always"));
    fixture().start(dir, List.of("--restart-delay", "30s"), Workloads.exitWith(3));

    CommandResult status = Poll.until("the first crash", COMMAND, () -> {
      CommandResult result = harpoonctl(dir, "status");
      return result.stdout().contains("restarting in") ? Optional.of(result) : Optional.empty();
    });

    assertThat(status.exitCode()).as("%s", status).isEqualTo(3);
    assertThat(status.stdout()).containsPattern("state       restarting in \\d+ s \\(down since ")
        .contains("last exit   exited 3\n");
    assertThat(harpoonctl(dir, "kill").exitCode()).as("kill cancels the restart").isZero();
  }

  @Test
  void rejectedConfig_statusExitsFour_exitWhileUpIsRefused_stopTimesOut() throws Exception {
    RunDirectory failed = fixture().runDirectory().writeAgentJson("{\"restart\": \"sometimes\"}");
    fixture().start(failed, Workloads.TERM_HANDLER);
    RunDirectory stubborn = fixture().runDirectory(agent().restart("no").graceShutdown("30s"));
    SupervisorProcess supervisor = fixture().start(stubborn, Workloads.TERM_IGNORER);
    supervisor.awaitOutput(Workloads.READY, 1, STARTED);

    CommandResult status = Poll.until("the config refused", COMMAND, () -> {
      CommandResult result = harpoonctl(failed, "status");
      return result.exitCode() == 4 ? Optional.of(result) : Optional.empty();
    });
    CommandResult exit = harpoonctl(stubborn, "exit");
    CommandResult stop = harpoonctl(stubborn, "stop", "--timeout", "1s");
    CommandResult kill = harpoonctl(stubborn, "kill", "--wait");

    assertThat(status.stdout()).contains("state       failed since ")
        .contains("error       restart: 'sometimes' is not one of no, on-failure, always");
    assertThat(exit.exitCode()).as("exit while up: %s", exit).isEqualTo(1);
    assertThat(exit.stderr()).contains("exit refused: the container is up");
    assertThat(stop.exitCode()).as("stop --timeout 1s of a TERM ignorer: %s", stop).isEqualTo(5);
    assertThat(stop.stderr()).contains("not down after 1s");
    assertThat(kill.exitCode()).as("kill --wait: %s", kill).isZero();
    assertThat(kill.stdout()).contains("down, last exit: killed by SIGKILL");
  }

  @Test
  void usageUnreachableAndNotASupervisor_exitTwoSixSeven() throws Exception {
    Path fake = Files.createTempDirectory("hs-notsup");
    CommandResult usage = harpoonctl(List.of("stauts"));
    CommandResult missing = harpoonctl(List.of("--dir", "/nonexistent", "status"));
    CommandResult ls = harpoonctl(List.of("ls", "/nonexistent"));
    CommandResult notSupervisor;
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(fake.resolve("control")));
      Thread http = new Thread(() -> answerHttp(server), "not-a-supervisor");
      http.setDaemon(true);
      http.start();
      notSupervisor = harpoonctl(List.of("--dir", fake.toString(), "status"));
    } finally {
      Files.deleteIfExists(fake.resolve("control"));
      Files.deleteIfExists(fake);
    }

    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.stderr()).isEqualTo("harpoonctl: unknown command 'stauts': give one of status, ls,"
        + " watch, stop, kill, exit, help\nTry 'harpoonctl --help' for more information.\n");
    assertThat(missing.exitCode()).as("%s", missing).isEqualTo(6);
    assertThat(missing.stderr()).contains("/nonexistent");
    assertThat(ls.exitCode()).as("%s", ls).isEqualTo(6);
    assertThat(ls.stdout()).contains("nonexistent  unreachable");
    assertThat(notSupervisor.exitCode()).as("%s", notSupervisor).isEqualTo(7);
  }

  @Test
  void supervisorStartedByHandInATerminal_withoutAgentJson_exitsOneSayingWhy() throws Exception {
    Path empty = Files.createTempDirectory("hs-by-hand");
    try {
      String supervisor = Path.of(System.getProperty("harpoon.dist", "../bootstrap/target/dist"),
          "bin/harpoon-supervisor").toAbsolutePath().normalize().toString();
      // script(1) gives the supervisor a pseudo-terminal on stdin, as a person's shell would.
      CommandResult run = environment().run(COMMAND, List.of("script", "-qec",
          "cd " + empty + " && " + supervisor + " --hostname h --ID by-hand -- true", "/dev/null"));

      assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
      assertThat(run.stdout()).contains("no agent.json in " + empty)
          .contains("started from a terminal");
      try (var left = Files.list(empty)) {
        assertThat(left).as("nothing created").isEmpty();
      }
    } finally {
      Files.deleteIfExists(empty);
    }
  }

  private static void answerHttp(ServerSocketChannel server) {
    try (SocketChannel client = server.accept()) {
      client.write(ByteBuffer.wrap(
          "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
    } catch (IOException closed) {
      // The test is over.
    }
  }

  private CommandResult harpoonctl(RunDirectory dir, String... arguments) {
    return environment().run(COMMAND, command(dir, arguments));
  }

  private CommandResult harpoonctl(List<String> arguments) {
    List<String> command = new ArrayList<>(List.of(harpoonctl().toString()));
    command.addAll(arguments);
    return environment().run(COMMAND, command);
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
