package io.harpoon.supervisor.adapters.runtime;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The runtime commands of the start attempt in progress ({@code create}, then {@code start}), so
 * that an abandoned start can kill them. Abandoning also fails the attempt's next command before it
 * runs; the next {@code create} begins a new attempt.
 */
final class InFlight {

  private final Set<Integer> pids = new HashSet<>();
  private boolean abandoned;

  /** A command that spawns a process and returns its pid. */
  interface Spawn {
    int run() throws IOException;
  }

  /** Thrown instead of running a command of an abandoned attempt. */
  static final class Abandoned extends Exception {
    private static final long serialVersionUID = 1L;
  }

  /** Begins a new start attempt: earlier abandonment no longer applies. */
  synchronized void begin() {
    abandoned = false;
  }

  /** Runs {@code spawn} and tracks its process, unless the attempt was abandoned. */
  synchronized int track(Spawn spawn) throws IOException, Abandoned {
    if (abandoned) {
      throw new Abandoned();
    }
    int pid = spawn.run();
    pids.add(pid);
    return pid;
  }

  /** Stops tracking {@code pid}, which has exited. */
  synchronized void untrack(int pid) {
    pids.remove(pid);
  }

  /** Whether the attempt was abandoned. */
  synchronized boolean abandoned() {
    return abandoned;
  }

  /** Abandons the attempt and passes every command still running to {@code kill}. */
  synchronized void abandon(IntConsumer kill) {
    abandoned = true;
    pids.forEach(kill::accept);
  }
}
