package io.harpoon.supervisor.adapters.posix;

import io.harpoon.supervisor.domain.container.WaitStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * What the reaper knows about the supervisor's children: who waits for which pid, and the statuses
 * of recently reaped pids. A status is kept after it is reaped (bounded, oldest dropped first) so
 * that a listener registered after the child died still gets it, and so that a signal is never sent
 * to a reaped pid: the kernel may already have given that pid to an unrelated process.
 *
 * <p>Thread-safe. Every method holds this object's monitor; {@link #reap} and {@link
 * #signalUnlessReaped} make their system call while holding it, so a signal and a reap of the same
 * pid are strictly ordered. Listeners are never called with the monitor held.
 */
final class ChildTable {

  private final Map<Integer, List<Consumer<WaitStatus>>> waiting = new HashMap<>();
  private final Map<Integer, Reaped> reaped;
  private long reaps;
  private long spawns;

  ChildTable(int capacity) {
    this.reaped =
        new LinkedHashMap<>() {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Integer, Reaped> eldest) {
            return size() > capacity;
          }
        };
  }

  /** How many reaps happened so far; a process born after this mark was reaped after it. */
  synchronized long mark() {
    return reaps;
  }

  /** How many processes were spawned so far; see {@link #awaitSpawnAfter}. */
  synchronized long spawns() {
    return spawns;
  }

  /** Records a child just spawned (whose spawn began at {@code since}) and wakes the reaper. */
  synchronized void spawned(int pid, long since) {
    adopted(pid, since);
    spawns++;
    notifyAll();
  }

  /**
   * Records that {@code pid}, born after mark {@code since}, is a new process of ours (e.g. a
   * container init re-parented to the subreaper): a status reaped under the same pid before the
   * mark belonged to an earlier process and is forgotten. One reaped after the mark is this
   * process's and is kept.
   */
  synchronized void adopted(int pid, long since) {
    Reaped old = reaped.get(pid);
    if (old != null && old.sequence() <= since) {
      reaped.remove(pid);
    }
  }

  /** Blocks until a process is spawned after {@link #spawns()} returned {@code seen}. */
  synchronized void awaitSpawnAfter(long seen) throws InterruptedException {
    while (spawns == seen) {
      wait();
    }
  }

  /**
   * Reaps {@code pid} with {@code reapNow} (called with the monitor held) and records its status.
   */
  synchronized Delivery reap(int pid, IntFunction<WaitStatus> reapNow) {
    WaitStatus status = reapNow.apply(pid);
    record(pid, status);
    return new Delivery(status, listenersOf(pid));
  }

  /**
   * Records that {@code pid}, which was never our child, is gone: its listeners get {@code
   * Unknown}, unless it was reaped by us after all, whose listeners already got the real status.
   */
  synchronized Delivery foreignGone(int pid) {
    WaitStatus unknown = new WaitStatus.Unknown();
    if (reaped.containsKey(pid)) {
      return new Delivery(unknown, List.of());
    }
    record(pid, unknown);
    return new Delivery(unknown, listenersOf(pid));
  }

  /** The status of {@code pid} if it was reaped, else registers {@code listener} for it. */
  synchronized Optional<WaitStatus> statusOrWait(int pid, Consumer<WaitStatus> listener) {
    Reaped done = reaped.get(pid);
    if (done != null) {
      return Optional.of(done.status());
    }
    waiting.computeIfAbsent(pid, p -> new ArrayList<>(1)).add(listener);
    return Optional.empty();
  }

  /**
   * Calls {@code kill} unless {@code pid} was reaped (and may be reused); false when not called.
   */
  synchronized boolean signalUnlessReaped(int pid, IntPredicate kill) {
    return !reaped.containsKey(pid) && kill.test(pid);
  }

  private List<Consumer<WaitStatus>> listenersOf(int pid) {
    List<Consumer<WaitStatus>> listeners = waiting.remove(pid);
    return listeners == null ? List.of() : listeners;
  }

  private void record(int pid, WaitStatus status) {
    reaps++;
    reaped.remove(pid);
    reaped.put(pid, new Reaped(reaps, status));
  }

  private record Reaped(long sequence, WaitStatus status) {}

  /** A status and the listeners that must get it, to be called without the table's monitor. */
  record Delivery(WaitStatus status, List<Consumer<WaitStatus>> listeners) {

    Delivery {
      listeners = List.copyOf(listeners);
    }

    /** Calls each listener; one that throws is reported and does not stop the others. */
    void run() {
      for (Consumer<WaitStatus> listener : listeners) {
        try {
          listener.accept(status);
        } catch (RuntimeException e) {
          Thread current = Thread.currentThread();
          current.getUncaughtExceptionHandler().uncaughtException(current, e);
        }
      }
    }
  }
}
