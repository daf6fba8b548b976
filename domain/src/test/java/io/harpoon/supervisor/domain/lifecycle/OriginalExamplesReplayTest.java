package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.atMillis;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.container.Signal;
import io.harpoon.supervisor.domain.container.WaitStatus;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Replays the seed's "Simulation" and the original supervisor's captures (examples/original-wire-kill.txt
 * and -stop.txt) through the lifecycle, as a client that connected once the container was up, and
 * compares the published states. Metric values are those the MetricsSampled events carry.
 *
 * <p>Our deliberate difference (SPEC §6): a stop or kill while up publishes {@code restarting:false} at
 * once, before the signal. The seed's Simulation shows that state after {@code stop}; the original's wire
 * captures show no such intermediate state for either {@code kill} or {@code stop}. The expected lists
 * below are the captures with that one state inserted, marked where it is.
 */
class OriginalExamplesReplayTest {

  private static final int PID = 31_337;

  @Test
  void seedSimulation_stopKillExit_publishesTheSeedsStates() {
    Replay replay = Replay.upAndConnected();
    replay.on(new Event.MetricsSampled(new Metrics(1_000_000, 400_000, 64L << 20), atMillis(3_000)));
    List<Effect> stop = replay.on(LifecycleEvents.command(Command.STOP, atMillis(4_000)));
    List<Effect> kill = replay.on(LifecycleEvents.command(Command.KILL, atMillis(5_000)));
    replay.on(LifecycleEvents.signaledWith(PID, 9, 0, atMillis(5_001)));
    List<Effect> exit = replay.on(LifecycleEvents.command(Command.EXIT, atMillis(6_000)));

    assertThat(replay.published.stream().map(OriginalExamplesReplayTest::projection))
        .containsExactly(
            "up=true restarting=true exit=None[] restarts=0 ooms=0",
            "up=true restarting=true exit=None[] restarts=0 ooms=0",
            "up=true restarting=false exit=None[] restarts=0 ooms=0",
            "up=false restarting=false exit=Signaled[signal=9] restarts=0 ooms=0");
    assertThat(stop).contains(new Effect.SendSignal(PID, Signal.TERM));
    assertThat(kill).containsExactly(new Effect.SendSignal(PID, Signal.KILL));
    assertThat(exit).containsExactly(new Effect.Terminate(0));
  }

  @Test
  void originalWireKill_replayed_publishesTheCapturedStatesPlusNotRestartingOnKill() {
    Replay replay = Replay.upAndConnected();
    replay.on(new Event.MetricsTick(atMillis(3_000)));
    replay.on(new Event.MetricsSampled(new Metrics(2_670_980, 458_752, 67_108_864), atMillis(3_001)));
    replay.on(LifecycleEvents.command(Command.KILL, atMillis(4_000)));
    replay.on(new Event.Exited(PID, new WaitStatus.Signaled(9), 0, Metrics.ZERO, atMillis(4_001)));
    List<Effect> exit = replay.on(LifecycleEvents.command(Command.EXIT, atMillis(5_000)));

    assertThat(replay.wireLines()).containsExactly(
        "{\"up\":true,\"restarting\":true,\"container_exit_status\":{},\"restarts\":0,\"ooms\":0,\"container_metrics\":{\"cpu_time\":0,\"memory_usage\":0,\"memory_limit\":0}}",
        "{\"up\":true,\"restarting\":true,\"container_exit_status\":{},\"restarts\":0,\"ooms\":0,\"container_metrics\":{\"cpu_time\":2670980,\"memory_usage\":458752,\"memory_limit\":67108864}}",
        // ours only (SPEC §6): restarting:false published at once on kill
        "{\"up\":true,\"restarting\":false,\"container_exit_status\":{},\"restarts\":0,\"ooms\":0,\"container_metrics\":{\"cpu_time\":2670980,\"memory_usage\":458752,\"memory_limit\":67108864}}",
        "{\"up\":false,\"restarting\":false,\"container_exit_status\":{\"signaled\":true,\"signal\":9},\"restarts\":0,\"ooms\":0,\"container_metrics\":{\"cpu_time\":2670980,\"memory_usage\":458752,\"memory_limit\":67108864}}");
    assertThat(exit).containsExactly(new Effect.Terminate(0));
  }

  @Test
  void originalWireStop_replayed_publishesTheCapturedStatesPlusNotRestartingOnStop() {
    Replay replay = Replay.upAndConnected();
    replay.on(new Event.MetricsTick(atMillis(3_000)));
    replay.on(new Event.MetricsSampled(new Metrics(2_429_894, 688_128, 67_108_864), atMillis(3_001)));
    replay.on(LifecycleEvents.command(Command.STOP, atMillis(4_000)));
    replay.on(new Event.Exited(PID, new WaitStatus.Exited(0), 0, Metrics.ZERO, atMillis(4_003)));

    assertThat(replay.wireLines()).containsExactly(
        "{\"up\":true,\"restarting\":true,\"container_exit_status\":{},\"restarts\":0,\"ooms\":0,\"container_metrics\":{\"cpu_time\":0,\"memory_usage\":0,\"memory_limit\":0}}",
        "{\"up\":true,\"restarting\":true,\"container_exit_status\":{},\"restarts\":0,\"ooms\":0,\"container_metrics\":{\"cpu_time\":2429894,\"memory_usage\":688128,\"memory_limit\":67108864}}",
        // ours only (SPEC §6): restarting:false published at once on stop
        "{\"up\":true,\"restarting\":false,\"container_exit_status\":{},\"restarts\":0,\"ooms\":0,\"container_metrics\":{\"cpu_time\":2429894,\"memory_usage\":688128,\"memory_limit\":67108864}}",
        "{\"up\":false,\"restarting\":false,\"container_exit_status\":{\"exited\":true},\"restarts\":0,\"ooms\":0,\"container_metrics\":{\"cpu_time\":2429894,\"memory_usage\":688128,\"memory_limit\":67108864}}");
  }

  private static String projection(ContainerProcessState view) {
    return "up=" + view.up() + " restarting=" + view.restarting() + " exit=" + view.exitStatus()
        + " restarts=" + view.restarts() + " ooms=" + view.ooms();
  }

  /** A client's view of a replay: the state at connect time, then every Publish. */
  private static final class Replay {
    private ContainerState state;
    private final List<ContainerProcessState> published = new ArrayList<>();

    private Replay(ContainerState state) {
      this.state = state;
      published.add(state.view());
    }

    /** The original runs its containers with a restarting policy: they show restarting:true. */
    static Replay upAndConnected() {
      ContainerState up = LifecycleStates.apply(
          ContainerState.initial(LifecycleStates.settings(RestartPolicy.ON_FAILURE)),
          new Event.Began(atMillis(0)), LifecycleEvents.nothingFound(atMillis(0)), new Event.Spawned(PID, 0, atMillis(25)));
      assertThat(up.view().exitStatus()).isEqualTo(ExitStatus.NONE);
      return new Replay(up);
    }

    List<Effect> on(Event event) {
      Transition step = Lifecycle.next(state, event);
      state = step.state();
      step.effects().stream()
          .filter(Effect.Publish.class::isInstance)
          .forEach(e -> published.add(((Effect.Publish) e).state()));
      return step.effects();
    }

    List<String> wireLines() {
      return published.stream().map(WireText::of).collect(Collectors.toList());
    }
  }
}
