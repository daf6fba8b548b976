package io.harpoon.supervisor.it;

import static io.harpoon.supervisor.it.support.AgentConfig.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.it.support.CommandResult;
import io.harpoon.supervisor.it.support.ControlClient;
import io.harpoon.supervisor.it.support.Environment;
import io.harpoon.supervisor.it.support.PeerProbe;
import io.harpoon.supervisor.it.support.PeerProbes;
import io.harpoon.supervisor.it.support.Poll;
import io.harpoon.supervisor.it.support.Prerequisites;
import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SupervisorProcess;
import io.harpoon.supervisor.it.support.SupervisorState;
import io.harpoon.supervisor.it.support.Workloads;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Bad, stuck and foreign clients never affect the supervisor or the other clients (SPEC §5). */
public interface ClientIsolationScenarios extends Scenario {

  @Test
  default void stuckClientFloodingCommands_neverReads_othersServedPromptly() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always"));
    SupervisorProcess supervisor = fixture().start(dir,
        List.of("--restart-delay", "100ms", "--max-restart-delay", "100ms"), Workloads.exitWith(1));
    SocketChannel stuck = fixture().connectRaw(dir);
    byte[] commands = "event: frobnicate\n\n".repeat(30_000).getBytes(StandardCharsets.US_ASCII);
    CompletableFuture.runAsync(() -> writeQuietly(stuck, commands));
    ControlClient client = fixture().connect(dir);

    client.awaitState("five restarts", s -> s.restarts() >= 5, Duration.ofSeconds(20));
    long sent = System.nanoTime();
    client.send("kill");
    SupervisorState last = client.awaitState("the end", SupervisorState::endedForGood, PROMPTLY);

    assertThat(Scenario.since(sent, last)).isLessThan(Duration.ofSeconds(3));
    assertThat(supervisor.isAlive()).isTrue();
  }

  @Test
  default void randomBytes_onOneConnection_errorOrClosedThereOthersUnaffected() throws IOException {
    ControlClient[] clients = runningWithGarbageClient();
    byte[] noise = new byte[4096];
    new Random(20_240_611L).nextBytes(noise);
    byte[] type = Arrays.copyOf(noise, 64);
    for (int i = 0; i < type.length; i++) {
      type[i] = type[i] == '\n' || type[i] == '\r' ? (byte) 'x' : type[i];
    }
    clients[1].sendRawInBackground(concat(noise, "\n\nevent: ".getBytes(StandardCharsets.US_ASCII),
        type, "\n\n".getBytes(StandardCharsets.US_ASCII)));

    awaitErrorOrEnd(clients[1], PROMPTLY);
    assertUnaffected(clients[0]);
  }

  @Test
  default void oneMegabyteLineWithoutNewline_errorOrClosedThereOthersUnaffected() throws IOException {
    ControlClient[] clients = runningWithGarbageClient();
    byte[] line = new byte[1024 * 1024];
    Arrays.fill(line, (byte) 'a');
    clients[1].sendRawInBackground(line);

    awaitErrorOrEnd(clients[1], Duration.ofSeconds(10));
    assertUnaffected(clients[0]);
  }

  @Test
  default void otherUser_connects_closedWithoutAnyState() throws IOException {
    require(Environment.Feature.OTHER_USER_CLIENT);
    Prerequisites.require("the other-user scenario", List.of("setpriv").stream()
        .filter(tool -> !fixture().environment().hasTool(tool)).map(tool -> "no " + tool).toList());
    RunDirectory dir = fixture().runDirectory(agent().restart("no"));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);
    ControlClient owner = fixture().connect(dir);
    awaitRunning(owner, supervisor);
    List<String> asNobody = List.of("setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups");
    List<String> read = List.of(fixture().environment().java().toString(), "-XX:-UsePerfData", "-cp",
        PeerProbes.install(dir.path()).toString(), PeerProbe.class.getName(), dir.control().toString());

    // CAP_DAC_OVERRIDE gets nobody past the file mode, so the check of the peer's credentials shows.
    CommandResult privileged = fixture().environment().run(Duration.ofSeconds(10), concat(asNobody,
        concat(List.of("--inh-caps", "+dac_override", "--ambient-caps", "+dac_override"), read)));
    CommandResult plain = fixture().environment().run(Duration.ofSeconds(10), concat(asNobody, read));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.control())))
        .isEqualTo("rw-------");
    assertThat(privileged.exitCode()).as("closed at once: %s", privileged)
        .isNotEqualTo(CommandResult.TIMED_OUT);
    assertThat(privileged.stdout()).as("no state for a foreign peer").doesNotContain("event:");
    assertThat(plain.stdout()).doesNotContain("event:");
    assertThat(plain.exitCode()).as("refused by the file mode: %s", plain).isNotZero();
    assertUnaffected(owner);
  }

  private ControlClient[] runningWithGarbageClient() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("no"));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);
    ControlClient good = fixture().connect(dir);
    awaitRunning(good, supervisor);
    ControlClient bad = fixture().connect(dir);
    bad.awaitState("the current state", s -> true, PROMPTLY);
    return new ControlClient[] {good, bad};
  }

  private static void awaitErrorOrEnd(ControlClient client, Duration timeout) {
    Poll.until("an error reply or a closed connection", timeout, () -> client.isClosed()
        || client.events().stream().anyMatch(e -> e.type().equals("error")));
  }

  private static void assertUnaffected(ControlClient client) throws IOException {
    client.send("kill");
    SupervisorState last = client.awaitState("the end", SupervisorState::ended, PROMPTLY);
    assertThat(last.exitStatus()).isEqualTo("{\"signaled\":true,\"signal\":9}");
    assertThat(client.events()).extracting(e -> e.type()).containsOnly("state");
  }

  private static void writeQuietly(SocketChannel channel, byte[] bytes) {
    try {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      // The supervisor may drop a client that floods it: allowed, and not what is checked here.
    }
  }

  private static byte[] concat(byte[]... parts) {
    ByteBuffer all = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
    Arrays.stream(parts).forEach(all::put);
    return all.array();
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }
}
