package io.harpoon.supervisor.it.faults;

import static io.harpoon.supervisor.it.Scenario.since;
import static io.harpoon.supervisor.it.support.AgentConfig.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.it.support.ControlClient;
import io.harpoon.supervisor.it.support.Poll;
import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SupervisorState;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A container against the supervisor's stdio when that is a terminal or a pipe (docs/security.md):
 * the container gets pipes of its own, so what an operator types, the supervisor's log lines and the
 * terminal itself stay out of its reach. And a supervisor whose stdout and stderr nobody drains keeps
 * serving: only the container's output waits.
 */
class StdioIsolationIT extends NativeHostTest {

  /**
   * The container's init keeps its stdio as the runtime gave it and leaves the attack to a child,
   * which reopens the init's descriptors (pid 1 of the container) once the test says go.
   */
  private static final List<String> INIT = List.of("sh", "-c",
      "sh /attack.sh >/data/report 2>&1 & trap 'exit 0' TERM; echo ready; while true; do sleep 0.1; done");

  private static final String READ_THE_TERMINAL = String.join("\n",
      "while [ ! -e /data/go ]; do sleep 0.05; done",
      "for fd in 0 1 2; do",
      "  echo \"== fd $fd: $(readlink /proc/1/fd/$fd) $(stat -L -c 'owner %u' /proc/1/fd/$fd)\"",
      "  timeout 1 cat /proc/1/fd/$fd",
      "done",
      "echo '== /dev/tty'; timeout 1 cat /dev/tty",
      "echo done > /data/finished", "");

  private static final String READ_THE_LOG_PIPE = String.join("\n",
      "while [ ! -e /data/go ]; do sleep 0.05; done",
      "timeout 3 cat /proc/1/fd/1 > /data/read1 2>&1 &",
      "timeout 3 cat /proc/1/fd/2 > /data/read2 2>&1 &",
      "echo \"fd 1: $(readlink /proc/1/fd/1), fd 2: $(readlink /proc/1/fd/2)\"",
      "touch /data/reading; wait; echo done > /data/finished", "");

  private static final List<String> FLOOD_BOTH_STREAMS = List.of("sh", "-c",
      "trap 'exit 0' TERM; yes flood-out & yes flood-err >&2 & while true; do sleep 0.1; done");

  @Test
  void supervisorOnATerminal_containerReopensTheInitsStdio_readsNothingTypedAndTheTerminalStaysRoots()
      throws Exception {
    Assumptions.assumeTrue(environment().hasTool("script"), "needs script(1) for a terminal");
    RunDirectory dir = fixture().runDirectory();
    Path results = attack(dir, READ_THE_TERMINAL);
    ProcessBuilder terminal = new ProcessBuilder("script", "-qfec",
        shellLine(HostLaunch.supervisorCommand(dir, INIT)), "/dev/null")
        .redirectErrorStream(true).redirectOutput(HostLaunch.logFile(dir, "terminal.out").toFile());
    try (HostLaunch launch = HostLaunch.start(terminal, dir, STARTED)) {
      fixture().connect(dir).awaitState("the container up", SupervisorState::up, STARTED);
      Path tty = Files.readSymbolicLink(Path.of("/proc", Long.toString(launch.pid()), "fd", "1"));

      OutputStream keyboard = launch.process().getOutputStream();
      keyboard.write("hunter2-typed-secret\n".getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
      String report = runAttack(results);

      System.out.println("terminal attack report:\n" + report);
      assertThat(tty.toString()).as("the supervisor's stdout").startsWith("/dev/pts/");
      assertThat(report).doesNotContain("hunter2").contains("== fd 1: pipe:", "== fd 2: pipe:")
          .contains("can't open '/dev/tty': No such device or address");
      assertThat(Files.getAttribute(tty, "unix:uid")).as("owner of " + tty).isEqualTo(0);
    }
  }

  @Test
  void supervisorLoggingIntoAPipe_containerReopensTheInitsStdio_readsNoneOfTheSupervisorsLines()
      throws Exception {
    RunDirectory dir = fixture().runDirectory();
    Path results = attack(dir, READ_THE_LOG_PIPE);
    ProcessBuilder piped = new ProcessBuilder(HostLaunch.supervisorCommand(dir, INIT))
        .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    try (HostLaunch launch = HostLaunch.start(piped, dir, STARTED)) {
      StringBuffer pipe = readAll(launch.process().getInputStream());
      ControlClient client = fixture().connect(dir);
      client.awaitState("the container up", SupervisorState::up, STARTED);
      String own = Files.readSymbolicLink(Path.of("/proc", Long.toString(launch.pid()), "fd", "1")).toString();

      Files.writeString(results.resolve("go"), "");
      Poll.until("the container reading its stdio", STARTED, () -> Files.exists(results.resolve("reading")));
      for (int i = 0; i < 10; i++) {
        client.send("exit");
        client.awaitEvent("error", PROMPTLY);
      }
      String report = runAttack(results);
      String eaten = Files.readString(results.resolve("read1")) + Files.readString(results.resolve("read2"));

      System.out.println("log pipe attack: " + report.strip() + "; supervisor's stdout " + own);
      assertThat(own).startsWith("pipe:");
      assertThat(report).doesNotContain(own).contains("fd 1: pipe:", "fd 2: pipe:");
      assertThat(eaten).as("what the container read").doesNotContain("harpoon-supervisor[");
      Poll.until("the refusals logged in the supervisor's pipe", PROMPTLY,
          () -> pipe.toString().contains("refused exit"));
    }
  }

  @Test
  void stdoutAndStderrNobodyDrains_containerFloodsBoth_stopAndExitStillAnsweredPromptly()
      throws Exception {
    RunDirectory dir = fixture().runDirectory();
    ProcessBuilder undrained = new ProcessBuilder(HostLaunch.supervisorCommand(dir, FLOOD_BOTH_STREAMS))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    try (HostLaunch launch = HostLaunch.start(undrained, dir, STARTED)) {
      ControlClient client = fixture().connect(dir);
      client.awaitState("the container up", SupervisorState::up, STARTED);
      String init = Files.readString(dir.path().resolve("container.pid")).strip();
      Poll.until("both of the container's writers blocked on a full pipe", STARTED,
          () -> blockedWritersUnder(init) == 2);

      long sent = System.nanoTime();
      client.send("stop");
      SupervisorState down = client.awaitState("stopped", SupervisorState::endedForGood, PROMPTLY);
      client.send("exit");

      System.out.println("stop -> down with undrained stdio: " + since(sent, down).toMillis() + " ms");
      assertThat(down.exitStatus()).as("the TERM handler ran").isEqualTo("{\"exited\":true}");
      assertThat(launch.awaitExit(STARTED)).as("exit code").contains(0);
    }
  }

  /** Writes the attack script into the rootfs and a results volume into agent.json; the volume. */
  private static Path attack(RunDirectory dir, String script) throws IOException {
    Path results = dir.volume("results");
    dir.write(agent().restart("no").volume("/data", results.toString()));
    Files.writeString(dir.rootfs().resolve("attack.sh"), script);
    return results;
  }

  private static String runAttack(Path results) throws IOException {
    Files.writeString(results.resolve("go"), "");
    Poll.until("the attack finished", STARTED, () -> Files.exists(results.resolve("finished")));
    return Files.readString(results.resolve("report"));
  }

  /** How many children of {@code parent} wait in {@code write(2)} on a full pipe. */
  private static long blockedWritersUnder(String parent) {
    try (var processes = Files.list(Path.of("/proc"))) {
      return processes.filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(p -> read(p.resolve("stat")).replaceFirst(".*\\) \\S+ ", "").startsWith(parent + " "))
          .filter(p -> read(p.resolve("wchan")).contains("pipe_write"))
          .count();
    } catch (IOException e) {
      return 0;
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static StringBuffer readAll(InputStream in) {
    StringBuffer text = new StringBuffer();
    Thread reader = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        text.append("(read failed: ").append(e).append(')');
      }
    }, "test-pipe-reader");
    reader.setDaemon(true);
    reader.start();
    return text;
  }

  /** One shell line that runs {@code argv} as is: each word single-quoted. */
  private static String shellLine(List<String> argv) {
    return argv.stream().map(word -> "'" + word.replace("'", "'\\''") + "'")
        .collect(Collectors.joining(" "));
  }
}
