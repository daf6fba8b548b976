package io.harpoon.supervisor.it.faults;

import static io.harpoon.supervisor.it.support.AgentConfig.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.it.support.CommandResult;
import io.harpoon.supervisor.it.support.ControlClient;
import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SupervisorProcess;
import io.harpoon.supervisor.it.support.SupervisorState;
import io.harpoon.supervisor.it.support.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A container that crashes at once, restarted 500 times as fast as the options allow: the supervisor's
 * JVM keeps the same file descriptors, threads and retained heap, the host keeps no cgroup or runtime
 * state, and the restart counter matches the starts the container itself counted.
 */
class CrashLoopSoakIT extends NativeHostTest {

  private static final int RESTARTS = 500;
  private static final List<String> OPTIONS =
      List.of("--restart-delay", "10ms", "--max-restart-delay", "20ms");
  /**
   * Counts its start, then crashes; once the test creates /data/stop it stays up instead, so that the
   * last start has certainly counted itself before the kill ends the loop.
   */
  private static final List<String> COUNTING_CRASH = List.of("sh", "-c",
      "echo x >> /data/starts; if [ -f /data/stop ]; then trap 'exit 0' TERM; echo ready;"
          + " while true; do sleep 0.1; done; fi; exit 1");
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void crashLoop_500Restarts_noLeaks_noLeftovers_exactRestartCount() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always"));
    Path data = dir.volume("data");
    dir.write(agent().restart("always").volume("/data", data.toString()));
    long begin = System.nanoTime();
    SupervisorProcess supervisor = fixture().start(dir, OPTIONS, COUNTING_CRASH);
    ControlClient client = fixture().connect(dir);

    client.awaitState("a few restarts", s -> s.restarts() >= 10, Duration.ofSeconds(60));
    Usage before = usage(supervisor.pid());
    client.awaitState(RESTARTS + " restarts", s -> s.restarts() >= RESTARTS, Duration.ofMinutes(4));
    long loop = System.nanoTime() - begin;
    Usage after = usage(supervisor.pid());

    Files.createFile(data.resolve("stop"));
    awaitRunning(client, supervisor);
    client.send("kill");
    SupervisorState last = client.awaitState("killed", SupervisorState::endedForGood, PROMPTLY);
    long starts = Files.readAllLines(data.resolve("starts")).size();
    assertNoZombieChildren(supervisor);
    client.send("exit");
    int exitCode = supervisor.awaitExit(PROMPTLY);

    System.out.printf("soak: %d restarts (%d starts counted by the container) in %.1f s;"
        + " before -> after: fds %d -> %d, threads %d -> %d, heap used after GC %d -> %d KiB,"
        + " RSS %d -> %d KiB%n", last.restarts(), starts, loop / 1e9, before.fds, after.fds,
        before.threads, after.threads, before.heapKib, after.heapKib, before.rssKib, after.rssKib);
    assertThat(exitCode).isZero();
    assertThat(last.restarts()).as("restarts = starts - 1").isEqualTo(starts - 1);
    assertThat(last.exitStatus()).isEqualTo("{\"signaled\":true,\"signal\":9}");
    assertThat(after.fds).as("open fds").isLessThanOrEqualTo(before.fds + 2);
    assertThat(after.threads).as("threads").isLessThanOrEqualTo(before.threads + 2);
    // Retained heap after a full GC; a leak of even 2 KiB per restart would show as 1 MiB.
    assertThat(after.heapKib).as("heap used after GC, KiB").isLessThanOrEqualTo(before.heapKib + 4096);
    assertThat(fixture().leftovers(dir.id())).as("cgroups and runtime state left").isEmpty();
  }

  /** What the supervisor's JVM holds (the launcher execs java, so its pid is the JVM's). */
  private record Usage(int fds, int threads, long heapKib, long rssKib) {}

  private Usage usage(long pid) throws IOException {
    // jcmd first: the JVM starts its attach listener (a thread and a socket) on the first attach.
    long heapKib = heapAfterGc(pid);
    Path proc = Path.of("/proc", Long.toString(pid));
    int fds;
    try (var list = Files.list(proc.resolve("fd"))) {
      fds = (int) list.count();
    }
    String status = Files.readString(proc.resolve("status"));
    return new Usage(fds, (int) statusField(status, "Threads"), heapKib,
        statusField(status, "VmRSS"));
  }

  private long heapAfterGc(long pid) {
    environment().run(Duration.ofSeconds(30), List.of("jcmd", Long.toString(pid), "GC.run"));
    CommandResult info =
        environment().run(Duration.ofSeconds(30), List.of("jcmd", Long.toString(pid), "GC.heap_info"));
    Matcher used = HEAP_USED.matcher(info.stdout());
    assertThat(used.find()).as("jcmd GC.heap_info: %s", info).isTrue();
    return Long.parseLong(used.group(1));
  }

  private static long statusField(String status, String name) {
    return status.lines().filter(line -> line.startsWith(name + ":"))
        .map(line -> line.replaceAll("[^0-9]", "")).mapToLong(Long::parseLong).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in /proc/PID/status"));
  }
}
