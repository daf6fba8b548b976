package io.harpoon.supervisor.adapters.control;

import io.harpoon.supervisor.application.port.in.ContainerStatus;
import io.harpoon.supervisor.application.port.in.WatchState;
import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal fan-out: one bounded queue per subscription that drops its oldest states when full, so a
 * stuck subscriber ends on the latest state. The listener is told on every publish, on the caller's
 * thread, as the supervisor would.
 */
final class FakeWatchState implements WatchState {

  static final ContainerProcessState INITIAL = state(0);

  private final List<Sub> subscriptions = new CopyOnWriteArrayList<>();
  private final AtomicInteger cancelled = new AtomicInteger();
  private final int queueLimit;
  private volatile ContainerProcessState current = INITIAL;
  private volatile Optional<ContainerStatus> status = Optional.empty();

  FakeWatchState() {
    this(64);
  }

  FakeWatchState(int queueLimit) {
    this.queueLimit = queueLimit;
  }

  /** A distinct, valid state for each {@code n}. */
  static ContainerProcessState state(long n) {
    return new ContainerProcessState(
        true, true, "", ExitStatus.NONE, 0, 0, new Metrics(n, 4096 + n, 67108864));
  }

  /** Publishes {@code state} to every subscription, like the supervisor's loop. */
  void publish(ContainerProcessState state) {
    current = state;
    for (Sub sub : subscriptions) {
      sub.offer(state);
    }
  }

  /** Sets what {@link #status()} returns, as the loop does before it publishes a state. */
  void status(ContainerStatus newStatus) {
    status = Optional.of(newStatus);
  }

  @Override
  public Optional<ContainerStatus> status() {
    return status;
  }

  int subscribers() {
    return subscriptions.size();
  }

  /** The most states any one subscription holds unpolled. */
  int mostQueued() {
    return subscriptions.stream().mapToInt(Sub::size).max().orElse(0);
  }

  int cancellations() {
    return cancelled.get();
  }

  @Override
  public synchronized Subscription subscribe(StateListener listener) {
    Sub sub = new Sub(listener);
    sub.offer(current);
    subscriptions.add(sub);
    return sub;
  }

  @Override
  public ContainerProcessState current() {
    return current;
  }

  private final class Sub implements Subscription {
    private final StateListener listener;
    private final ArrayDeque<ContainerProcessState> queue = new ArrayDeque<>();

    Sub(StateListener listener) {
      this.listener = listener;
    }

    void offer(ContainerProcessState state) {
      synchronized (queue) {
        if (queue.size() == queueLimit) {
          queue.removeFirst();
        }
        queue.addLast(state);
      }
      listener.stateAvailable();
    }

    int size() {
      synchronized (queue) {
        return queue.size();
      }
    }

    @Override
    public Optional<ContainerProcessState> poll() {
      synchronized (queue) {
        return Optional.ofNullable(queue.pollFirst());
      }
    }

    @Override
    public void cancel() {
      if (subscriptions.remove(this)) {
        cancelled.incrementAndGet();
      }
    }
  }
}
