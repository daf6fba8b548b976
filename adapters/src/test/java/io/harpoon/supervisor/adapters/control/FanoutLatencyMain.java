package io.harpoon.supervisor.adapters.control;

import io.harpoon.supervisor.adapters.json.StateJson;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Measures how long a published state takes to reach 1, 100 and 1000 connected clients, and how many
 * threads the process has while 1000 clients are connected. Run by hand (not a test): {@code java -cp
 * <test classpath> io.harpoon.supervisor.adapters.control.FanoutLatencyMain}.
 */
public final class FanoutLatencyMain {

  private static final int WARMUP = 30;
  private static final int ROUNDS = 100;

  private FanoutLatencyMain() {}

  public static void main(String[] args) throws Exception {
    System.out.printf("threads before any server: jvm=%d os=%d%n", jvmThreads(), osThreads());
    for (int clients : new int[] {1, 100, 1000}) {
      measure(clients);
    }
  }

  private static void measure(int clients) throws Exception {
    Path runDir = Files.createTempDirectory(Path.of("/tmp"), "hs");
    FakeWatchState watch = new FakeWatchState();
    try (RecordingSendCommand commands = new RecordingSendCommand()) {
      UnixSocketControlServer server =
          UnixSocketControlServer.open(
              runDir, watch, commands, new RecordingLog(),
              ControlServerLimits.DEFAULT.withMaxClients(clients));
      try (ClientFleet fleet = new ClientFleet(server.path(), clients)) {
        fleet.awaitAll(StateJson.encode(FakeWatchState.INITIAL), System.nanoTime(), Duration.ofSeconds(30));
        System.out.printf(
            "%d clients connected: threads jvm=%d os=%d (%s)%n",
            clients, jvmThreads(), osThreads(), threadNames());
        long[] first = new long[ROUNDS];
        long[] all = new long[ROUNDS];
        for (int round = 0; round < WARMUP + ROUNDS; round++) {
          long n = 1000L + round;
          long start = System.nanoTime();
          watch.publish(FakeWatchState.state(n));
          long[] took = fleet.awaitAll(StateJson.encode(FakeWatchState.state(n)), start, Duration.ofSeconds(30));
          if (round >= WARMUP) {
            first[round - WARMUP] = took[0];
            all[round - WARMUP] = took[1];
          }
        }
        System.out.printf(
            "%4d clients: first client median %s; all clients median %s, p90 %s, max %s%n",
            clients, micros(first, 50), micros(all, 50), micros(all, 90), micros(all, 100));
      } finally {
        server.close(Duration.ZERO);
        Files.deleteIfExists(runDir);
      }
    }
  }

  private static String micros(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = Math.min(sorted.length - 1, (sorted.length * percentile) / 100);
    return String.format("%.0f us", sorted[index] / 1000.0);
  }

  private static String threadNames() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .sorted()
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private static int jvmThreads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  private static int osThreads() {
    return Objects.requireNonNull(new File("/proc/self/task").list()).length;
  }
}
