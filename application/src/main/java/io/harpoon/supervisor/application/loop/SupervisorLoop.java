package io.harpoon.supervisor.application.loop;

import io.harpoon.supervisor.application.port.in.ReceiveSignal;
import io.harpoon.supervisor.application.port.in.SendCommand;
import io.harpoon.supervisor.domain.lifecycle.Checkpoint;
import io.harpoon.supervisor.domain.lifecycle.Command;
import io.harpoon.supervisor.domain.lifecycle.ContainerState;
import io.harpoon.supervisor.domain.lifecycle.Effect;
import io.harpoon.supervisor.domain.lifecycle.Event;
import io.harpoon.supervisor.domain.lifecycle.Lifecycle;
import io.harpoon.supervisor.domain.lifecycle.Transition;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The imperative shell. One thread owns the container's state: it takes events off a queue, asks the
 * domain for the next state, and hands the effects to the {@link EffectRunner}. Everything else — control
 * clients, the reaper, timers, signals, the worker that runs the runtime — only puts events on the queue.
 */
public final class SupervisorLoop implements SendCommand, ReceiveSignal {

  /** How often metrics are sampled while the container is up or restarting (SPEC §6). */
  public static final Duration METRICS_PERIOD = Duration.ofSeconds(3);

  /** Commands from all clients that may wait in the queue at once; more are refused as busy. */
  public static final int MAX_QUEUED_COMMANDS = 1024;

  private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
  private final Requesters requesters = new Requesters(MAX_QUEUED_COMMANDS);
  private final SupervisorPorts ports;
  private final StateFanOut fanOut;
  private final EffectRunner effects;
  private ContainerState state;
  private OptionalInt exitCode = OptionalInt.empty();
  private boolean begun;

  /**
   * @param plan what to start, and the rules to run it by
   * @param ports the driven ports
   * @param worker runs slow runtime calls, one at a time, in order
   */
  public SupervisorLoop(StartupPlan plan, SupervisorPorts ports, Executor worker) {
    this(plan, ports, worker, RunningHook.NONE);
  }

  /** As above, with {@code runningHook} called each time a container's process is taken on. */
  public SupervisorLoop(StartupPlan plan, SupervisorPorts ports, Executor worker, RunningHook runningHook) {
    this.ports = ports;
    this.state = plan.initialState();
    // What a predecessor journaled is read now, before this supervision records anything.
    Optional<Checkpoint> predecessor = plan.launchSpec().flatMap(spec -> ports.journal().last());
    this.fanOut = new StateFanOut(state.view(), StateFanOut.DEFAULT_QUEUE_CAPACITY);
    this.effects = new EffectRunner(plan, ports, worker, fanOut, predecessor, this::post,
        code -> exitCode = OptionalInt.of(code), requesters, runningHook);
  }

  /**
   * Sets the supervision going. Call once, after this supervisor owns its control socket: what follows
   * may adopt or remove a container with this id, which is only safe when no other supervisor can be
   * serving it.
   */
  public void begin() {
    if (!begun) {
      begun = true;
      post(new Event.Began(ports.clock().instant()));
    }
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
    Optional<Long> requester = requesters.register(replies);
    if (requester.isEmpty()) {
      replies.rejected(command, "busy: too many commands waiting");
      return;
    }
    post(new Event.CommandReceived(command, requester.get(), ports.clock().instant()));
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
    for (Effect effect : transition.effects()) {
      effects.run(effect, state);
    }
    if (event instanceof Event.CommandReceived command) {
      requesters.done(command.requester());
    }
  }
}
