package io.harpoon.supervisor.application.loop;

import io.harpoon.supervisor.application.port.in.ContainerStatus;
import io.harpoon.supervisor.application.port.in.WatchState;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delivers every published state to every subscriber, in order, each through its own small queue. When a
 * subscriber's queue is full it is collapsed to the newest state: a stuck subscriber costs one queue of
 * memory, skips what it missed, ends on the latest state, and never blocks the publisher.
 */
public final class StateFanOut implements WatchState {

  /** States a subscriber may fall behind by before its queue collapses to the latest. */
  public static final int DEFAULT_QUEUE_CAPACITY = 64;

  private final Set<QueuedSubscription> subscriptions = ConcurrentHashMap.newKeySet();
  private final int capacity;
  private volatile ContainerProcessState current;
  private volatile ContainerStatus status;

  public StateFanOut(ContainerProcessState initial, int capacity) {
    this.current = Objects.requireNonNull(initial, "initial");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  @Override
  public Subscription subscribe(StateListener listener) {
    QueuedSubscription subscription = new QueuedSubscription(listener);
    synchronized (this) {
      subscription.offer(current);
      subscriptions.add(subscription);
    }
    listener.stateAvailable();
    return subscription;
  }

  @Override
  public ContainerProcessState current() {
    return current;
  }

  @Override
  public Optional<ContainerStatus> status() {
    return Optional.ofNullable(status);
  }

  /**
   * Replaces what the states do not say. The loop calls it before it publishes the state of the same
   * step, so a subscriber that is up to date reads the two as a pair. Called by the loop only.
   */
  public void updateStatus(ContainerStatus newStatus) {
    status = Objects.requireNonNull(newStatus, "newStatus");
  }

  /** Queues {@code state} for every subscriber and tells each one. Called by the loop only. */
  public void publish(ContainerProcessState state) {
    synchronized (this) {
      current = Objects.requireNonNull(state, "state");
      subscriptions.forEach(s -> s.offer(state));
    }
    subscriptions.forEach(s -> s.listener.stateAvailable());
  }

  /** How many subscriptions are active. */
  public int subscriberCount() {
    return subscriptions.size();
  }

  private final class QueuedSubscription implements Subscription {
    private final StateListener listener;
    private final ArrayDeque<ContainerProcessState> queue = new ArrayDeque<>();

    QueuedSubscription(StateListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
    }

    synchronized void offer(ContainerProcessState state) {
      if (queue.size() >= capacity) {
        queue.clear();
      }
      queue.addLast(state);
    }

    @Override
    public synchronized Optional<ContainerProcessState> poll() {
      return Optional.ofNullable(queue.pollFirst());
    }

    @Override
    public void cancel() {
      subscriptions.remove(this);
      synchronized (this) {
        queue.clear();
      }
    }
  }
}
