package io.harpoon.supervisor.application.port.in;

import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.util.Optional;

/**
 * Follows the container's published state. A new subscription holds the current state at once, then
 * every change in order. A subscriber that falls behind skips intermediate states but always ends on the
 * latest; it never slows the supervisor or other subscribers.
 */
public interface WatchState {

  /** Subscribes; {@code listener} hears whenever the subscription has a state waiting. */
  Subscription subscribe(StateListener listener);

  /** The latest published state. */
  ContainerProcessState current();

  /**
   * What the latest published state does not say (pid, since when, ...): the control socket's
   * additive {@code status} event. Empty before the first publication, and from sources that do not
   * know it.
   */
  default Optional<ContainerStatus> status() {
    return Optional.empty();
  }

  /** Told that a subscription has a state to poll. Called on the supervisor's thread: must not block. */
  interface StateListener {
    void stateAvailable();
  }

  /** One subscriber's queue of states. */
  interface Subscription {

    /** The next state to deliver, oldest first, or empty when the subscriber is up to date. */
    Optional<ContainerProcessState> poll();

    /** Stops the subscription; no further states are queued or announced. */
    void cancel();
  }
}
