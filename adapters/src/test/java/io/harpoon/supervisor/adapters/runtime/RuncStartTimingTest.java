package io.harpoon.supervisor.adapters.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpoon.supervisor.adapters.posix.NativeProcesses;
import io.harpoon.supervisor.application.port.out.LaunchSpec;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.WaitStatus;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures create + start of busybox {@code true} with runc, end to end through the adapter. Runs
 * only when asked: {@code mvn test -pl adapters -Dtest=RuncStartTimingTest -Dharpoon.measure=true}.
 */
class RuncStartTimingTest {

  private static final int RUNS = 11;

  @TempDir Path runDirectory;

  @Test
  void busyboxTrue_createAndStart_takesTensOfMilliseconds() throws Exception {
    assumeTrue(Boolean.getBoolean("harpoon.measure"), "set -Dharpoon.measure=true to measure");
    assumeTrue(RuncAvailability.usable(), "needs root, runc and busybox");
    BusyboxRootfs.create(runDirectory);
    RuncContainerRuntime runtime =
        new RuncContainerRuntime(
            "runc", RuntimePolicy.DEFAULT, NativeProcesses.instance(), new RecordingLog());
    runOnce(runtime, "hs-timing-warmup");
    long[][] phases = new long[RUNS][];
    for (int i = 0; i < RUNS; i++) {
      phases[i] = runOnce(runtime, "hs-timing-" + i);
    }
    long[] create = column(phases, 0);
    long[] start = column(phases, 1);
    long[] total = column(phases, 2);
    System.out.printf(
        "runc create+start of busybox true, %d runs: median create %.1f ms, start %.1f ms,"
            + " create+start %.1f ms (min %.1f, max %.1f)%n",
        RUNS, median(create), median(start), median(total), min(total), max(total));
    assertThat(median(total)).isLessThan(2_000);
  }

  private long[] runOnce(RuncContainerRuntime runtime, String name) throws Exception {
    ContainerId id = new ContainerId(name);
    LaunchSpec spec = LaunchSpecs.defaults().command("true").build(name, "box", runDirectory);
    try {
      long begin = System.nanoTime();
      int pid = runtime.create(spec);
      long created = System.nanoTime();
      CompletableFuture<WaitStatus> exit = new CompletableFuture<>();
      runtime.onExit(pid, exit::complete);
      runtime.start(id);
      long started = System.nanoTime();
      assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(new WaitStatus.Exited(0));
      return new long[] {created - begin, started - created, started - begin};
    } finally {
      runtime.release(id);
    }
  }

  private static long[] column(long[][] rows, int index) {
    return Arrays.stream(rows).mapToLong(row -> row[index]).sorted().toArray();
  }

  private static double median(long[] sortedNanos) {
    return sortedNanos[sortedNanos.length / 2] / 1e6;
  }

  private static double min(long[] sortedNanos) {
    return sortedNanos[0] / 1e6;
  }

  private static double max(long[] sortedNanos) {
    return sortedNanos[sortedNanos.length - 1] / 1e6;
  }
}
