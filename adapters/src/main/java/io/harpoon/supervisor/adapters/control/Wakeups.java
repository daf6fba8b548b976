package io.harpoon.supervisor.adapters.control;

import java.io.IOException;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands clients with new work (a state to poll, a command reply) from any thread to the selector
 * thread, and wakes it.
 *
 * <p>Wake-ups are coalesced to one per selector pass. jnr-enxio's poll(2) selector wakes by writing a
 * byte to a blocking pipe and reads back one byte per poll, so waking it once per state and client
 * would fill the pipe and then block the supervisor's thread. With the flag the pipe holds at most a
 * couple of bytes. After the selector is closed its pipe descriptors may be reused by other files, so
 * no wake-up may reach it then.
 */
final class Wakeups {

  private final Selector selector;
  private final Queue<ControlClient> ready = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean signalled = new AtomicBoolean();
  private boolean selectorClosed;

  Wakeups(Selector selector) {
    this.selector = selector;
  }

  /** Queues {@code client} for the selector thread; the client makes sure it is queued once. */
  void ready(ControlClient client) {
    ready.add(client);
    signal();
  }

  /** Wakes the selector thread if no wake-up is pending. Never blocks for long, never throws. */
  void signal() {
    if (signalled.compareAndSet(false, true)) {
      synchronized (this) {
        if (!selectorClosed) {
          wakeSelector();
        }
      }
    }
  }

  /** On the selector thread after each select: serves every queued client. */
  void drain(Consumer<ControlClient> service) {
    signalled.set(false);
    ControlClient client;
    while ((client = ready.poll()) != null) {
      service.accept(client);
    }
  }

  /** Closes the selector; later signals are ignored. */
  synchronized void closeSelector() throws IOException {
    selectorClosed = true;
    ready.clear();
    selector.close();
  }

  private void wakeSelector() {
    try {
      selector.wakeup();
    } catch (RuntimeException pipeBroken) {
      // jnr wraps a failed pipe write in a RuntimeException; the selector is going away, nobody to wake.
    }
  }
}
