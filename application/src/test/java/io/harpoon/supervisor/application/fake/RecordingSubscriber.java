package io.harpoon.supervisor.application.fake;

import io.harpoon.supervisor.application.port.in.WatchState;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A subscriber that drains its subscription only when the test says so, keeping what it received. */
public final class RecordingSubscriber implements WatchState.StateListener {

  private final List<ContainerProcessState> received = new ArrayList<>();
  private WatchState.Subscription subscription;
  private int announcements;

  public static RecordingSubscriber subscribe(WatchState watch) {
    RecordingSubscriber subscriber = new RecordingSubscriber();
    subscriber.subscription = watch.subscribe(subscriber);
    return subscriber;
  }

  @Override
  public synchronized void stateAvailable() {
    announcements++;
  }

  /** Polls everything waiting; returns what this call received. */
  public synchronized List<ContainerProcessState> drain() {
    List<ContainerProcessState> now = new ArrayList<>();
    Optional<ContainerProcessState> next;
    while ((next = subscription.poll()).isPresent()) {
      now.add(next.get());
    }
    received.addAll(now);
    return now;
  }

  public synchronized List<ContainerProcessState> received() {
    return List.copyOf(received);
  }

  public synchronized int announcements() {
    return announcements;
  }

  public void cancel() {
    subscription.cancel();
  }
}
