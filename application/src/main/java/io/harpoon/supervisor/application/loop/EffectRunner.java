package io.harpoon.supervisor.application.loop;

import io.harpoon.supervisor.application.port.out.ContainerRuntime;
import io.harpoon.supervisor.application.port.out.LaunchSpec;
import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.lifecycle.Checkpoint;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import io.harpoon.supervisor.domain.lifecycle.ContainerState;
import io.harpoon.supervisor.domain.lifecycle.Effect;
import io.harpoon.supervisor.domain.lifecycle.Event;
import io.harpoon.supervisor.domain.lifecycle.Event.Found;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Carries every effect of the domain out through the ports: the one interpreter. Fast calls (signals,
 * cgroup reads, publishing) run on the loop's thread; slow runtime calls run on the worker and report
 * back as events.
 */
final class EffectRunner {

  private final StartupPlan plan;
  private final SupervisorPorts ports;
  private final Executor worker;
  private final StateFanOut fanOut;
  private final Optional<Checkpoint> predecessor;
  private final Consumer<Event> post;
  private final IntConsumer terminate;
  private final Requesters requesters;
  private final StatusBoard status;
  private final RefusalLog refusals;
  private final RunningHook runningHook;
  private ContainerProcessState lastLogged;

  EffectRunner(StartupPlan plan, SupervisorPorts ports, Executor worker, StateFanOut fanOut,
      Optional<Checkpoint> predecessor, Consumer<Event> post, IntConsumer terminate, Requesters requesters,
      RunningHook runningHook) {
    this.plan = plan;
    this.ports = ports;
    this.worker = worker;
    this.fanOut = fanOut;
    this.predecessor = predecessor;
    this.post = post;
    this.terminate = terminate;
    this.requesters = requesters;
    this.status = new StatusBoard(plan);
    this.refusals = new RefusalLog(ports.log(), ports.timers(), ports.clock());
    this.runningHook = runningHook;
  }

  void run(Effect effect, ContainerState state) {
    if (effect instanceof Effect.Publish publish) {
      publish(publish);
    } else if (effect instanceof Effect.Survey) {
      worker.execute(this::survey);
    } else if (effect instanceof Effect.StartContainer) {
      worker.execute(this::startContainer);
    } else if (effect instanceof Effect.WatchExit watch) {
      watchExit(watch.pid());
      containerRunning(state);
    } else if (effect instanceof Effect.SendSignal signal) {
      ports.log().info("sending SIG" + signal.signal() + " to pid " + signal.pid());
      ports.runtime().signal(signal.pid(), signal.signal());
    } else if (effect instanceof Effect.ArmTimer timer) {
      ports.timers().schedule(timer.delay(), () -> post.accept(new Event.TimerFired(timer.token(), now())));
    } else if (effect instanceof Effect.SampleMetrics) {
      ports.metrics().sample(id()).ifPresent(m -> post.accept(new Event.MetricsSampled(m, now())));
    } else if (effect instanceof Effect.ReleaseContainer) {
      worker.execute(() -> ports.runtime().release(id()));
    } else if (effect instanceof Effect.AbandonStart) {
      ports.log().warn("giving up the container's start");
      ports.runtime().abandonStart();
      worker.execute(() -> ports.runtime().release(id()));
    } else if (effect instanceof Effect.Reject reject) {
      refusals.refused(reject.command(), reject.reason());
      requesters.reject(reject.requester(), reject.command(), reject.reason());
    } else if (effect instanceof Effect.Terminate end) {
      terminate.accept(end.exitCode());
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
  private void watchExit(int pid) {
    ports.runtime().onExit(pid, status -> {
      long oomKills = ports.metrics().oomKills(id()).orElse(0);
      Metrics last = ports.metrics().sample(id()).orElse(Metrics.ZERO);
      post.accept(new Event.Exited(pid, status, oomKills, last, now()));
    });
  }

  /** Hands the running state to the {@link RunningHook} on the worker, idle by then. */
  private void containerRunning(ContainerState running) {
    Instant at = now();
    worker.execute(() -> runningHook.containerRunning(running, at));
  }

  private void startContainer() {
    // The domain asks for a start only in a supervision that has something to start.
    LaunchSpec spec = plan.launchSpec().orElseThrow();
    try {
      int pid = ports.runtime().create(spec);
      long oomBaseline = ports.metrics().oomKills(spec.id()).orElse(0);
      ports.runtime().start(spec.id());
      post.accept(new Event.Spawned(pid, oomBaseline, now()));
    } catch (RuntimeFailure failure) {
      post.accept(new Event.SpawnFailed(failure.getMessage(), failure.permanent(), now()));
    }
  }

  /** Asks the runtime what it knows of a container with this id; the domain decides what to do with it. */
  private void survey() {
    Found found = ports.runtime().leftover(id()).map(this::classify).orElseGet(Found.Nothing::new);
    post.accept(new Event.Surveyed(found, predecessor, now()));
  }

  private Found classify(ContainerRuntime.Leftover leftover) {
    Path ours = plan.launchSpec().orElseThrow().runDirectory();
    if (!sameDirectory(leftover.bundle(), ours)) {
      return new Found.Foreign(leftover.bundle().toString());
    }
    if (leftover.pid() > 0) {
      return new Found.Running(leftover.pid(), ports.metrics().oomKills(id()).orElse(0));
    }
    return new Found.Stopped();
  }

  private static boolean sameDirectory(Path a, Path b) {
    if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
      return true;
    }
    try {
      return Files.isSameFile(a, b);
    } catch (IOException | SecurityException unknown) {
      return false;
    }
  }

  private void publish(Effect.Publish publish) {
    // Journal first: no client may learn a state that a successor could not read back (SPEC §8).
    ports.journal().record(publish.checkpoint());
    ContainerProcessState state = publish.state();
    fanOut.publish(state);
    // Metrics samples publish every 3 s; the log only records what an operator would call a change.
    ContainerProcessState withoutMetrics = new ContainerProcessState(state.up(), state.restarting(), state.err(),
        state.exitStatus(), state.restarts(), state.ooms(), Metrics.ZERO);
    if (!withoutMetrics.equals(lastLogged)) {
      lastLogged = withoutMetrics;
      EventLog.write(state, ports.log());
    }
  }

  private ContainerId id() {
    return plan.id();
  }

  private Instant now() {
    return ports.clock().instant();
  }
}
