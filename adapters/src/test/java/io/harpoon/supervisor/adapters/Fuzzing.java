package io.harpoon.supervisor.adapters;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * A seeded fuzzing loop for plain JUnit: a fixed number of generated inputs, spread over three
 * fixed seeds and one random seed, each input from its own {@link SplittableRandom} derived from
 * (seed, index) so a failure names exactly what to replay. The whole batch runs under a preemptive
 * timeout (a hang fails the test instead of the build), and the slowest input is reported and
 * bounded.
 *
 * <p>System properties (Surefire passes {@code -D} options of the Maven command line through):
 *
 * <ul>
 *   <li>{@code harpoon.fuzz.iterations} inputs per target, default {@value #DEFAULT_ITERATIONS};
 *       for a nightly run, e.g. {@code mvn test -pl adapters -Dtest='*FuzzTest'
 *       -Dharpoon.fuzz.iterations=10000000}
 *   <li>{@code harpoon.fuzz.seed} replaces the random seed, to replay a failure
 * </ul>
 */
public final class Fuzzing {

  /** Inputs per target unless {@code harpoon.fuzz.iterations} says otherwise. */
  public static final int DEFAULT_ITERATIONS = 100_000;

  /**
   * A single input taking more CPU time than this fails the run: parsing must stay linear and
   * bounded. CPU time, not wall time, so that a loaded machine does not fail it.
   */
  public static final Duration PER_INPUT_BUDGET = Duration.ofSeconds(2);

  private static final long[] FIXED_SEEDS = {0x5EEDL, 20_260_101L, -7L};

  private Fuzzing() {}

  /** One generated input checked against the target's properties; throws on a violation. */
  @FunctionalInterface
  public interface Check {
    void run(SplittableRandom random) throws Exception;
  }

  /**
   * What one run did: inputs, wall time, the fuzzing thread's CPU time (wall time on a shared,
   * loaded machine says little), and the slowest single input (CPU time).
   */
  public record Report(
      String target, long inputs, Duration elapsed, Duration cpu, Duration slowest) {
    @Override
    public String toString() {
      return String.format(
          "fuzz %s: %d inputs in %d ms wall, %d ms CPU (%.1f us/input), slowest %d ms CPU",
          target,
          inputs,
          elapsed.toMillis(),
          cpu.toMillis(),
          cpu.toNanos() / 1000.0 / Math.max(1, inputs),
          slowest.toMillis());
    }
  }

  /** Inputs per target for this run. */
  public static long iterations() {
    return Long.getLong("harpoon.fuzz.iterations", DEFAULT_ITERATIONS);
  }

  /** Runs {@code check} on {@link #iterations()} inputs; fails naming seed and index. */
  public static Report run(String target, Check check) {
    long random = Long.getLong("harpoon.fuzz.seed", new SplittableRandom().nextLong());
    long[] seeds = {FIXED_SEEDS[0], FIXED_SEEDS[1], FIXED_SEEDS[2], random};
    long total = iterations();
    Duration budget = Duration.ofSeconds(300).plusNanos(total * 1_000_000L);
    Report report =
        assertTimeoutPreemptively(
            budget,
            () -> loop(target, check, seeds, total),
            () ->
                target
                    + ": the batch did not finish within "
                    + budget
                    + " (random seed "
                    + random
                    + ")");
    System.out.println(report);
    return report;
  }

  private static Report loop(String target, Check check, long[] seeds, long total) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long started = System.nanoTime();
    long cpuStarted = threads.getCurrentThreadCpuTime();
    long slowest = 0;
    for (long i = 0; i < total; i++) {
      long seed = seeds[(int) (i % seeds.length)];
      long index = i / seeds.length;
      long before = threads.getCurrentThreadCpuTime();
      try {
        check.run(new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L)));
      } catch (Exception | AssertionError failed) {
        throw new AssertionError(
            target
                + ": seed "
                + seed
                + ", input "
                + index
                + " (replay with -Dharpoon.fuzz.seed="
                + seed
                + "): "
                + failed,
            failed);
      }
      long took = threads.getCurrentThreadCpuTime() - before;
      slowest = Math.max(slowest, took);
      if (took > PER_INPUT_BUDGET.toNanos()) {
        throw new AssertionError(
            target
                + ": seed "
                + seed
                + ", input "
                + index
                + " took "
                + took / 1_000_000
                + " ms CPU");
      }
    }
    return new Report(
        target,
        total,
        Duration.ofNanos(System.nanoTime() - started),
        Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpuStarted),
        Duration.ofNanos(slowest));
  }
}
