package io.harpoon.supervisor.application.loop;

import io.harpoon.supervisor.application.port.in.ReceiveSignal;
import io.harpoon.supervisor.application.port.in.SendCommand;
import io.harpoon.supervisor.domain.lifecycle.Command;
import io.harpoon.supervisor.domain.lifecycle.ContainerState;
import io.harpoon.supervisor.domain.lifecycle.Effect;
import io.harpoon.supervisor.domain.lifecycle.Event;
import io.harpoon.supervisor.domain.lifecycle.Lifecycle;
import io.harpoon.supervisor.domain.lifecycle.Transition;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The imperative shell. One thread owns the container's state: it takes events off a queue, asks the
 * domain for the next state, and carries the effects out through the ports. Everything else — control
 * clients, the reaper, timers, signals, the worker that runs the runtime — only puts events on the queue.
 */
public final class SupervisorLoop implements SendCommand, ReceiveSignal {

  /** How often metrics are sampled while the container is up or restarting (SPEC §6). */
  public static final Duration METRICS_PERIOD = Duration.ofSeconds(3);

  /** Commands from all clients that may wait in the queue at once; more are refused as busy. */
  public static final int MAX_QUEUED_COMMANDS = 1024;

  private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
  private final Map<Long, CommandReplies> requesters = new ConcurrentHashMap<>();
  private final AtomicLong nextRequester = new AtomicLong();
  private final SupervisorPorts ports;
  private final StateFanOut fanOut;
  private final EffectRunner effects;
  private final StartupPlan plan;
  private final RefusalLog refusals;
  private ContainerState state;
  private OptionalInt exitCode = OptionalInt.empty();
  private boolean begun;

  /**
   * @param plan what to start, and the rules to run it by
   * @param ports the driven ports
   * @param worker runs slow runtime calls, one at a time, in order
   */
  public SupervisorLoop(StartupPlan plan, SupervisorPorts ports, Executor worker) {
    this.ports = ports;
    this.state = initialState(plan, ports);
    this.fanOut = new StateFanOut(state.view(), StateFanOut.DEFAULT_QUEUE_CAPACITY);
    this.effects = new EffectRunner(plan, ports, worker, fanOut, this::post);
    this.plan = plan;
    this.refusals = new RefusalLog(ports.log(), ports.timers(), ports.clock());
  }

  /**
   * Sets the supervision going: queues the rejected config, or the take-over check that leads to the
   * first start. Call once, after this supervisor owns its control socket: the check may adopt or
   * remove a container with our id, which is only safe when no other supervisor can be serving it.
   */
  public void begin() {
    if (begun) {
      return;
    }
    begun = true;
    if (plan instanceof StartupPlan.Refuse) {
      post(new Event.ConfigRejected(((StartupPlan.Refuse) plan).message(), ports.clock().instant()));
    } else {
      effects.takeOverOrStart();
    }
  }

  /**
   * A fresh state, unless the journal shows that the previous supervisor in this run directory died while
   * the container was up or due to restart: then its counters go on (SPEC §8). A journal that ends down
   * and not restarting belongs to a finished supervision; a new one starts from zero.
   */
  private static ContainerState initialState(StartupPlan plan, SupervisorPorts ports) {
    if (plan instanceof StartupPlan.Refuse) {
      return ContainerState.initial(plan.settings());
    }
    return ports.journal().last()
        .filter(entry -> entry.state().up() || entry.state().restarting())
        .map(entry -> ContainerState.resumed(plan.settings(), entry.state().restarts(),
            entry.state().ooms(), entry.cpuBaseNanos()))
        .orElseGet(() -> ContainerState.initial(plan.settings()));
  }

  /** Where control clients follow the state. */
  public StateFanOut states() {
    return fanOut;
  }

  /** Starts the periodic metrics tick. Call once, before {@link #run()}. */
  public void startMetricsTicks() {
    ports.timers().repeat(METRICS_PERIOD, () -> post(new Event.MetricsTick(ports.clock().instant())));
  }

  /** Runs the loop on the calling thread until the supervisor terminates; returns its exit code. */
  public int run() throws InterruptedException {
    while (exitCode.isEmpty()) {
      step(queue.take());
    }
    return exitCode.getAsInt();
  }

  /**
   * Processes every queued event without blocking (tests drive the loop this way); returns how many it
   * processed.
   */
  public int runPending() {
    int processed = 0;
    Event event;
    while (exitCode.isEmpty() && (event = queue.poll()) != null) {
      step(event);
      processed++;
    }
    return processed;
  }

  /** The exit code once the supervisor decided to terminate. */
  public OptionalInt exitCode() {
    return exitCode;
  }

  /** The lifecycle state; for tests and diagnostics. Read it from the loop's thread only. */
  public ContainerState state() {
    return state;
  }

  /** Queues an event from any thread. */
  public void post(Event event) {
    queue.add(event);
  }

  @Override
  public void send(Command command, CommandReplies replies) {
    if (requesters.size() >= MAX_QUEUED_COMMANDS) {
      // Clients are not acknowledged, so nothing else slows a client that floods commands; refusing
      // keeps the queue (and the heap) bounded while the loop catches up.
      replies.rejected(command, "busy: too many commands waiting");
      return;
    }
    long requester = nextRequester.incrementAndGet();
    requesters.put(requester, replies);
    post(new Event.CommandReceived(command, requester, ports.clock().instant()));
  }

  @Override
  public void terminationRequested() {
    post(new Event.SignalReceived(ports.clock().instant()));
  }

  private void step(Event event) {
    Transition transition = Lifecycle.next(state, event);
    state = transition.state();
    effects.noteStatus(state, event.at());
    EventLog.write(event, ports.log());
    if (event instanceof Event.Spawned) {
      effects.watchExit(((Event.Spawned) event).pid());
    } else if (event instanceof Event.Adopted) {
      effects.watchExit(((Event.Adopted) event).pid());
    }
    for (Effect effect : transition.effects()) {
      if (effect instanceof Effect.Terminate) {
        exitCode = OptionalInt.of(((Effect.Terminate) effect).exitCode());
      } else if (effect instanceof Effect.Reject) {
        reject((Effect.Reject) effect);
      } else {
        effects.run(effect, state);
      }
    }
    if (event instanceof Event.CommandReceived) {
      requesters.remove(((Event.CommandReceived) event).requester());
    } else if (event instanceof Event.Spawned || event instanceof Event.Adopted) {
      effects.rehearseExit(state);
    }
  }

  private void reject(Effect.Reject rejection) {
    refusals.refused(rejection.command(), rejection.reason());
    CommandReplies replies = requesters.get(rejection.requester());
    if (replies != null) {
      replies.rejected(rejection.command(), rejection.reason());
    }
  }
}
