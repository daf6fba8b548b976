package io.harpoon.supervisor.it.faults;

import static io.harpoon.supervisor.it.support.AgentConfig.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.it.support.ControlClient;
import io.harpoon.supervisor.it.support.Poll;
import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SupervisorFixture;
import io.harpoon.supervisor.it.support.SupervisorProcess;
import io.harpoon.supervisor.it.support.SupervisorState;
import io.harpoon.supervisor.it.support.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A runtime that is missing, fails or hangs (SPEC §3, §6): the supervisor stays up, says what went
 * wrong in {@code err}, leaves no runtime process behind, and still obeys {@code exit}.
 */
class RuntimeFaultsIT extends NativeHostTest {

  /** Fails every command with a message on stderr, as a runtime without a JSON log would. */
  private static final String FAILING = "#!/bin/sh\necho boom >&2; exit 1\n";

  /**
   * Fails every command like runc does: the message on stderr and as an error entry of the JSON log
   * named by {@code --log} (runc writes its fatal error to both).
   */
  private static final String FAILING_WITH_LOG = """
      #!/bin/sh
      log=
      while [ $# -gt 0 ]; do
        if [ "$1" = --log ]; then log=$2; fi
        shift
      done
      echo boom >&2
      if [ -n "$log" ]; then echo '{"level":"error","msg":"boom: cannot create","time":"x"}' >> "$log"; fi
      exit 1
      """;

  @Test
  void runtimeMissing_start_errNamesTheBinary_exitWorks() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("on-failure"));
    SupervisorProcess supervisor = start(dir, "/nonexistent/runc");
    ControlClient client = fixture().connect(dir);

    SupervisorState failed = client.awaitState("a state with err", s -> !s.err().isEmpty(), STARTED);
    assertNoZombieChildren(supervisor);
    client.send("exit");

    assertThat(failed.err()).contains("/nonexistent/runc").contains("No such file");
    assertThat(failed.up()).isFalse();
    assertThat(failed.restarting()).as("a failed start is not retried").isFalse();
    assertThat(supervisor.awaitExit(PROMPTLY)).isZero();
  }

  @Test
  void runtimeFailsWithJsonLog_start_errHoldsTheRuntimesMessage_exitWorks() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("on-failure"));
    SupervisorProcess supervisor = start(dir, fakeRuntime(dir, FAILING_WITH_LOG).toString());
    ControlClient client = fixture().connect(dir);

    SupervisorState failed = client.awaitState("a state with err", s -> !s.err().isEmpty(), STARTED);
    assertNoZombieChildren(supervisor);
    client.send("exit");

    assertThat(failed.err()).contains("fake-runtime create").contains("boom: cannot create");
    assertThat(failed.up()).isFalse();
    assertThat(supervisor.awaitExit(PROMPTLY)).isZero();
  }

  /**
   * {@code create}'s stderr is the container's (the runtime hands it on), so the supervisor cannot
   * capture it: a message there reaches its stderr, and {@code err} says how the runtime ended and
   * where its words went.
   */
  @Test
  void runtimeFailsOnStderr_start_errSaysHowItEnded_messageOnStderr_exitWorks() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("on-failure"));
    SupervisorProcess supervisor = start(dir, fakeRuntime(dir, FAILING).toString());
    ControlClient client = fixture().connect(dir);

    SupervisorState failed = client.awaitState("a state with err", s -> !s.err().isEmpty(), STARTED);
    assertNoZombieChildren(supervisor);
    client.send("exit");

    assertThat(failed.err()).contains("fake-runtime create exited with status 1")
        .contains("left no message in its log (runtime.log)")
        .contains("on the supervisor's stderr");
    assertThat(supervisor.awaitExit(PROMPTLY)).isZero();
    assertThat(supervisor.stderr()).contains("boom");
  }

  /** {@code start}'s stderr is captured: a runtime that says why only there is quoted in err. */
  @Test
  void runtimeStartFailsOnStderrOnly_start_errQuotesIt_exitWorks() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("no"));
    Path pidFile = dir.path().resolve("fake-container.pid");
    SupervisorProcess supervisor = start(dir, fakeRuntime(dir, startFailsOnStderr(pidFile)).toString());
    ControlClient client = fixture().connect(dir);

    SupervisorState failed = client.awaitState("a state with err", s -> !s.err().isEmpty(), STARTED);
    client.send("exit");

    assertThat(failed.err()).isEqualTo(
        "fake-runtime start exited with status 1: fake-runtime: cannot start fake-1: cgroup frozen");
    assertThat(supervisor.awaitExit(PROMPTLY)).isZero();
    readPid(pidFile).ifPresent(pid -> awaitGone(pid, PROMPTLY));
  }

  /** runc's own failure: its words from its --log, bounded, never just an exit status. */
  @Test
  void runcFailsOnAMissingCommand_start_errQuotesRuncBounded() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("on-failure"));
    SupervisorProcess supervisor = fixture().start(dir, List.of("/no-such-command", "--flag"));
    ControlClient client = fixture().connect(dir);

    SupervisorState failed = client.awaitState("a state with err", s -> !s.err().isEmpty(), STARTED);
    client.send("exit");

    assertThat(failed.err()).startsWith("runc create exited with status 1: ")
        .contains("/no-such-command").containsIgnoringCase("no such file or directory")
        .hasSizeLessThanOrEqualTo(500);
    assertThat(supervisor.awaitExit(PROMPTLY)).isZero();
  }

  @Test
  void runtimeHangsOnCreate_startupGraceOneSecond_errAfterFiveSeconds_runtimeKilled()
      throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always").graceStartup("1s"));
    Path pidFile = dir.path().resolve("hanging-create.pid");
    SupervisorProcess supervisor = start(dir, fakeRuntime(dir, hanging(pidFile)).toString());
    ControlClient client = fixture().connect(dir);
    long createPid = Poll.until("the hanging create's pid in " + pidFile, STARTED, () -> readPid(pidFile));
    long createSeen = System.nanoTime();

    SupervisorState failed = client.awaitState("a state with err", s -> !s.err().isEmpty(),
        Duration.ofSeconds(30));
    Duration waited = Duration.ofNanos(failed.receivedNanos() - createSeen);
    awaitGone(createPid, PROMPTLY);
    assertNoZombieChildren(supervisor);
    client.send("exit");

    System.out.println("hanging create " + createPid + ": err after " + waited.toMillis() + " ms");
    assertThat(failed.err()).contains("did not start the container within the startup grace");
    assertThat(failed.restarting()).isFalse();
    // The supervisor raises a grace below 5 s to 5 s. Its timer starts before the runtime runs, and
    // the pid file is seen a little later, under load maybe much later: a low bound far from 1 s.
    assertThat(waited).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(15));
    assertThat(supervisor.awaitExit(PROMPTLY)).isZero();
  }

  private SupervisorProcess start(RunDirectory dir, String runtime) throws IOException {
    List<String> options = new ArrayList<>(SupervisorFixture.FAST_OPTIONS);
    options.addAll(List.of("--runtime", runtime));
    return fixture().start(dir, options, Workloads.TERM_HANDLER);
  }

  /**
   * Hangs on {@code create} (after writing its pid: exec keeps the pid, so the supervisor's kill hits
   * the sleeping process itself), and behaves for the clean-up commands: no such container.
   */
  private static String hanging(Path pidFile) {
    return """
        #!/bin/sh
        for arg in "$@"; do
          case "$arg" in
            create) echo $$ > %s; exec sleep 300 ;;
            state) echo "container does not exist" >&2; exit 1 ;;
            delete) exit 0 ;;
          esac
        done
        exit 0
        """.formatted(pidFile);
  }

  /**
   * Creates like a runtime (a sleeping process, its pid in the pid file, re-parented to the
   * supervisor when the script exits), fails {@code start} with a message on stderr only, and
   * removes its process on {@code delete}.
   */
  private static String startFailsOnStderr(Path pidFile) {
    return """
        #!/bin/sh
        pidfile=
        while [ $# -gt 0 ]; do
          case "$1" in
            create) command=create ;;
            start) echo "fake-runtime: cannot start fake-1: cgroup frozen" >&2; exit 1 ;;
            state) echo "container does not exist" >&2; exit 1 ;;
            delete) [ -f %1$s ] && kill -9 "$(cat %1$s)"; exit 0 ;;
            --pid-file) pidfile=$2; shift ;;
          esac
          shift
        done
        if [ "$command" = create ]; then
          sleep 300 </dev/null >/dev/null 2>&1 &
          echo $! > "$pidfile"; echo $! > %1$s
        fi
        exit 0
        """.formatted(pidFile);
  }

  private static Path fakeRuntime(RunDirectory dir, String script) throws IOException {
    Path file = dir.path().resolve("fake-runtime");
    Files.writeString(file, script);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private static Optional<Long> readPid(Path file) {
    try {
      String text = Files.exists(file) ? Files.readString(file).strip() : "";
      return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
