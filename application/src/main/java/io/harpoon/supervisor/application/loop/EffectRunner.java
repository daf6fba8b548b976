package io.harpoon.supervisor.application.loop;

import io.harpoon.supervisor.application.port.out.LaunchSpec;
import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import io.harpoon.supervisor.application.port.out.StateJournal;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import io.harpoon.supervisor.domain.lifecycle.ContainerState;
import io.harpoon.supervisor.domain.lifecycle.Effect;
import io.harpoon.supervisor.domain.lifecycle.Event;
import io.harpoon.supervisor.application.port.out.ContainerRuntime;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Carries the domain's effects out through the ports. Fast calls (signals, cgroup reads, publishing) run
 * on the loop's thread; slow runtime calls run on the worker and report back as events.
 */
final class EffectRunner {

  private final StartupPlan plan;
  private final SupervisorPorts ports;
  private final Executor worker;
  private final StateFanOut fanOut;
  private final Consumer<Event> post;
  private final StatusBoard status;
  private ContainerProcessState lastLogged;

  EffectRunner(StartupPlan plan, SupervisorPorts ports, Executor worker, StateFanOut fanOut,
      Consumer<Event> post) {
    this.plan = plan;
    this.ports = ports;
    this.worker = worker;
    this.fanOut = fanOut;
    this.post = post;
    this.status = new StatusBoard(plan);
  }

  void run(Effect effect, ContainerState state) {
    if (effect instanceof Effect.Publish) {
      publish((Effect.Publish) effect, state);
    } else if (effect instanceof Effect.StartContainer) {
      worker.execute(this::startContainer);
    } else if (effect instanceof Effect.SendSignal) {
      Effect.SendSignal signal = (Effect.SendSignal) effect;
      ports.log().info("sending SIG" + signal.signal() + " to pid " + signal.pid());
      ports.runtime().signal(signal.pid(), signal.signal());
    } else if (effect instanceof Effect.ArmTimer) {
      Effect.ArmTimer timer = (Effect.ArmTimer) effect;
      ports.timers().schedule(timer.delay(), () -> post.accept(new Event.TimerFired(timer.token(), now())));
    } else if (effect instanceof Effect.SampleMetrics) {
      ports.metrics().sample(id()).ifPresent(m -> post.accept(new Event.MetricsSampled(m, now())));
    } else if (effect instanceof Effect.ReleaseContainer) {
      worker.execute(() -> ports.runtime().release(id()));
    } else if (effect instanceof Effect.AbandonStart) {
      ports.log().warn("giving up the container's start");
      ports.runtime().abandonStart();
      worker.execute(() -> ports.runtime().release(id()));
    } else {
      throw new AssertionError("effect not carried out by the runner: " + effect);
    }
  }

  /**
   * Notes what the state of this step means to an operator (see {@link StatusBoard}); called on every
   * step, before its effects, because a phase can change without a publication (a {@code stop} under
   * policy {@code no} changes no published field) and a publication must find its status in place.
   */
  void noteStatus(ContainerState state, Instant at) {
    fanOut.updateStatus(status.next(state, at));
  }

  /** Reports the exit of {@code pid} with what its cgroup says, read before the cgroup is removed. */
  void watchExit(int pid) {
    ports.runtime().onExit(pid, status -> {
      long oomKills = ports.metrics().oomKills(id()).orElse(0);
      Metrics last = ports.metrics().sample(id()).orElse(Metrics.ZERO);
      post.accept(new Event.Exited(pid, status, oomKills, last, now()));
    });
  }

  /**
   * Once the container is up, rehearses its way down on the worker (idle by then), so that the first
   * kill or stop does not load the code it runs; see {@link ExitRehearsal}.
   */
  void rehearseExit(ContainerState running) {
    Instant at = now();
    worker.execute(() -> ExitRehearsal.rehearse(running, at));
  }

  private void startContainer() {
    LaunchSpec spec = ((StartupPlan.Launch) plan).spec();
    try {
      int pid = ports.runtime().create(spec);
      long oomBaseline = ports.metrics().oomKills(spec.id()).orElse(0);
      ports.runtime().start(spec.id());
      post.accept(new Event.Spawned(pid, oomBaseline, now()));
    } catch (RuntimeFailure failure) {
      post.accept(new Event.SpawnFailed(failure.getMessage(), now()));
    }
  }

  /**
   * Before the first start: a container with our id that the runtime still knows was left by a
   * supervisor that died (this one owns the control socket, so nobody else supervises it). A running one
   * is taken over with the counters its predecessor journaled; anything else is removed, or the create
   * would fail, and the container starts afresh.
   */
  void takeOverOrStart() {
    worker.execute(() -> {
      Optional<ContainerRuntime.Leftover> leftover = ports.runtime().leftover(id());
      if (leftover.isPresent() && leftover.get().pid() > 0) {
        post.accept(adoption(leftover.get().pid()));
        return;
      }
      leftover.ifPresent(dead -> {
        ports.log().warn("removing container " + id() + " left stopped by a previous supervisor");
        ports.runtime().release(id());
      });
      post.accept(new Event.StartRequested(now()));
    });
  }

  private Event.Adopted adoption(int pid) {
    Optional<StateJournal.Entry> previous = ports.journal().last().filter(e -> e.pid() == pid);
    long oomBaseline = previous.map(StateJournal.Entry::oomBaseline)
        .orElseGet(() -> ports.metrics().oomKills(id()).orElse(0));
    int restarts = previous.map(e -> e.state().restarts()).orElse(0);
    int ooms = previous.map(e -> e.state().ooms()).orElse(0);
    long cpuBase = previous.map(StateJournal.Entry::cpuBaseNanos).orElse(0L);
    return new Event.Adopted(pid, oomBaseline, restarts, ooms, cpuBase, now());
  }

  private void publish(Effect.Publish publish, ContainerState state) {
    // Journal first: no client may learn a state that a successor could not read back (SPEC §8).
    ports.journal().record(
        new StateJournal.Entry(publish.state(), state.pid(), state.oomBaseline(), state.cpuBaseNanos()));
    fanOut.publish(publish.state());
    // Metrics samples publish every 3 s; the log only records what an operator would call a change.
    ContainerProcessState withoutMetrics = new ContainerProcessState(publish.state().up(),
        publish.state().restarting(), publish.state().err(), publish.state().exitStatus(),
        publish.state().restarts(), publish.state().ooms(), Metrics.ZERO);
    if (!withoutMetrics.equals(lastLogged)) {
      lastLogged = withoutMetrics;
      EventLog.write(publish.state(), ports.log());
    }
  }

  private ContainerId id() {
    return plan.id();
  }

  private Instant now() {
    return ports.clock().instant();
  }
}
