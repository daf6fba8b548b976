package io.harpoon.supervisor.adapters.control;

import io.harpoon.supervisor.adapters.json.StateJson;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A run directory with a short path (sun_path is 108 bytes) under /tmp, the fakes and a started
 * server, for tests over a real socket.
 */
abstract class ControlServerFixture {

  static final Duration WAIT = Duration.ofSeconds(10);

  Path runDir;
  FakeWatchState watch;
  RecordingSendCommand commands;
  RecordingLog log;
  UnixSocketControlServer server;

  @BeforeEach
  void createRunDir() throws IOException {
    runDir = Files.createTempDirectory(Path.of("/tmp"), "hs");
    watch = new FakeWatchState();
    commands = new RecordingSendCommand();
    log = new RecordingLog();
  }

  @AfterEach
  void removeRunDir() throws IOException {
    if (server != null) {
      server.close(Duration.ZERO);
    }
    commands.close();
    try (Stream<Path> files = Files.walk(runDir)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(file);
      }
    }
  }

  UnixSocketControlServer start() throws IOException {
    return start(ControlServerLimits.DEFAULT);
  }

  UnixSocketControlServer start(ControlServerLimits limits) throws IOException {
    server = UnixSocketControlServer.open(runDir, watch, commands, log, limits);
    return server;
  }

  Path socket() {
    return runDir.resolve("control");
  }

  static String json(ContainerProcessState state) {
    return StateJson.encode(state);
  }

  /** Polls {@code condition} until it holds or {@link #WAIT} passes. */
  static boolean eventually(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(5);
    }
    return condition.getAsBoolean();
  }
}
