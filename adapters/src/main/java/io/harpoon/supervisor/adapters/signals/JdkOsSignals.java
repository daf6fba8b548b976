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
   * Installs the handler for SIGTERM and SIGINT and returns the names of the signals now handled. A
   * signal the parent left ignored (a shell's background job has SIGINT ignored; the JVM then refuses
   * to handle it) is put back to its default first, see {@link InheritedIgnore}: SPEC §6 says TERM or
   * INT stops the container, whoever started the supervisor. Only a signal the JVM keeps for itself
   * ({@code -Xrs}), or a disposition libc refuses to reset, is logged and skipped.
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
        // The JVM did not install the handler: the disposition is still the inherited SIG_IGN.
        if (!InheritedIgnore.reset(signal.getNumber())) {
          log.warn("SIG" + name + " is ignored, as the parent process left it, and cannot be reset: not handled");
          return false;
        }
        Signal.handle(signal, handler);
        log.info("SIG" + name + " was ignored by the parent process: handled all the same");
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
