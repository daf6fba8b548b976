package io.harpoon.supervisor.adapters.signals;

import io.harpoon.supervisor.application.port.in.ReceiveSignal;
import io.harpoon.supervisor.application.port.out.SupervisorLog;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Routes SIGTERM and SIGINT to {@link ReceiveSignal#terminationRequested()}.
 *
 * <p>By default the JVM answers both by running its shutdown hooks and exiting, which would leave
 * the container unsupervised. {@code sun.misc.Signal.handle} (module {@code jdk.unsupported}, the
 * one supported way on Java 17) replaces the JVM's handler, so the supervisor decides: stop the
 * container first, then exit (SPEC §6). The JDK calls the handler on a short-lived thread of its
 * own; the port never blocks, so the handler returns at once.
 */
public final class JdkOsSignals implements AutoCloseable {

  private static final List<String> SIGNALS = List.of("TERM", "INT");

  private final SignalHandler handler;
  private final SupervisorLog log;
  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

  /** Prepares the handler; nothing changes until {@link #install()}. */
  public JdkOsSignals(ReceiveSignal receiver, SupervisorLog log) {
    Objects.requireNonNull(receiver, "receiver");
    this.log = Objects.requireNonNull(log, "log");
    this.handler = signal -> deliver(receiver, signal);
  }

  /**
   * Installs the handler for SIGTERM and SIGINT and returns the names of the signals now handled.
   * Two cases are logged and skipped, leaving the JVM's behaviour for that signal: a signal the JVM
   * keeps for itself ({@code -Xrs}), and a signal the parent left ignored — signal(7): an ignored
   * disposition survives execve, as shells do for SIGINT of background jobs, and the JVM then
   * refuses to handle it (its {@code JVM_RegisterSignal} keeps it ignored), so the supervisor
   * respects that choice too.
   */
  public synchronized Set<String> install() {
    Set<String> handled = new LinkedHashSet<>();
    for (String name : SIGNALS) {
      if (install(name)) {
        handled.add(name);
      }
    }
    return handled;
  }

  private boolean install(String name) {
    try {
      Signal signal = new Signal(name);
      SignalHandler old = Signal.handle(signal, handler);
      if (old == SignalHandler.SIG_IGN) {
        Signal.handle(signal, SignalHandler.SIG_IGN);
        log.warn("SIG" + name + " is ignored, as the parent process left it: not handled");
        return false;
      }
      previous.put(signal, old);
      return true;
    } catch (IllegalArgumentException e) {
      log.warn("cannot handle SIG" + name + ": " + e.getMessage());
      return false;
    }
  }

  /** Puts back the handlers that {@link #install()} replaced. */
  @Override
  public synchronized void close() {
    previous.forEach(Signal::handle);
    previous.clear();
  }

  /** The handler installed for both signals (tests call it without raising a signal). */
  SignalHandler handler() {
    return handler;
  }

  private void deliver(ReceiveSignal receiver, Signal signal) {
    try {
      receiver.terminationRequested();
    } catch (RuntimeException e) {
      log.warn("SIG" + signal.getName() + " could not be delivered: " + e);
    }
  }
}
