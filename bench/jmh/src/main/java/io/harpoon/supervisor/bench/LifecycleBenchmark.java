package io.harpoon.supervisor.bench;

import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.container.WaitStatus;
import io.harpoon.supervisor.domain.lifecycle.Command;
import io.harpoon.supervisor.domain.lifecycle.ContainerState;
import io.harpoon.supervisor.domain.lifecycle.Event;
import io.harpoon.supervisor.domain.lifecycle.Lifecycle;
import io.harpoon.supervisor.domain.lifecycle.LifecycleSettings;
import io.harpoon.supervisor.domain.lifecycle.Transition;
import io.harpoon.supervisor.domain.restart.Backoff;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** {@link Lifecycle#next} on the events of a container's ordinary life. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LifecycleBenchmark {

  private static final int PID = 4242;
  private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

  private ContainerState running;
  private ContainerState stopping;
  private final Event sample = new Event.MetricsSampled(new Metrics(1_000_000, 4096, 65536), AT);
  private final Event stop = new Event.CommandReceived(Command.STOP, 1, AT);
  private final Event exit = new Event.Exited(PID, new WaitStatus.Exited(0), 0, Metrics.ZERO, AT);
  private final Event staleTimer = new Event.TimerFired(999_999, AT);

  @Setup
  public void setUp() {
    LifecycleSettings settings =
        new LifecycleSettings(
            RestartPolicy.ON_FAILURE, Duration.ofSeconds(10), Duration.ofSeconds(10), Backoff.DEFAULT);
    ContainerState starting =
        Lifecycle.next(ContainerState.initial(settings), new Event.StartRequested(AT)).state();
    running = Lifecycle.next(starting, new Event.Spawned(PID, 0, AT)).state();
    stopping = Lifecycle.next(running, stop).state();
  }

  /** A metrics sample while running: a publish (every 3 s in production). */
  @Benchmark
  public Transition metricsSampled() {
    return Lifecycle.next(running, sample);
  }

  /** {@code stop} while running: publish, SIGTERM, arm the grace timer. */
  @Benchmark
  public Transition stopCommand() {
    return Lifecycle.next(running, stop);
  }

  /** The container's exit while stopping: down for good. */
  @Benchmark
  public Transition exitWhileStopping() {
    return Lifecycle.next(stopping, exit);
  }

  /** A timer that no longer matters: the no-op path. */
  @Benchmark
  public Transition staleTimer() {
    return Lifecycle.next(running, staleTimer);
  }
}
