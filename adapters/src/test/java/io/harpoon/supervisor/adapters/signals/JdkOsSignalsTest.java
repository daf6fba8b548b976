package io.harpoon.supervisor.adapters.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harpoon.supervisor.application.port.out.SupervisorLog;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;
import sun.misc.SignalHandler;

class JdkOsSignalsTest {

  private static final long WAIT_SECONDS = 10;

  private final Semaphore requests = new Semaphore(0);
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final SupervisorLog log =
      new SupervisorLog() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {
          warnings.add(message);
        }
      };
  private final JdkOsSignals signals = new JdkOsSignals(requests::release, log);

  @AfterEach
  void restoreHandlers() {
    signals.close();
  }

  @Test
  void handler_term_requestsTermination() {
    signals.handler().handle(new Signal("TERM"));

    assertThat(requests.availablePermits()).isEqualTo(1);
  }

  @Test
  void handler_calledTwice_requestsTwice() {
    signals.handler().handle(new Signal("INT"));
    signals.handler().handle(new Signal("TERM"));

    assertThat(requests.availablePermits()).isEqualTo(2);
  }

  @Test
  void handler_receiverThrows_logsAndReturns() {
    JdkOsSignals failing =
        new JdkOsSignals(
            () -> {
              throw new IllegalStateException("loop gone");
            },
            log);

    failing.handler().handle(new Signal("TERM"));

    assertThat(warnings)
        .containsExactly(
            "SIGTERM could not be delivered: java.lang.IllegalStateException: loop gone");
  }

  @Test
  void installed_raisedSigtermAndSigint_reachTheReceiverNotTheJvmShutdown()
      throws InterruptedException {
    Set<String> handled = signals.install();
    assumeTrue(handled.contains("TERM"), "SIGTERM cannot be handled in this JVM");

    Signal.raise(new Signal("TERM"));
    assertThat(requests.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)).as("SIGTERM handled").isTrue();
    if (handled.contains("INT")) {
      Signal.raise(new Signal("INT"));
      assertThat(requests.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)).as("SIGINT handled").isTrue();
    }
  }

  @Test
  void close_afterInstall_putsBackThePreviousHandler() {
    Signal term = new Signal("TERM");
    SignalHandler before = current(term);

    signals.install();
    assertThat(current(term)).isSameAs(signals.handler());
    signals.close();

    // The JDK hands its own handlers out in a fresh wrapper each time, which shows the wrapped one.
    assertThat(current(term)).isNotSameAs(signals.handler()).hasToString(before.toString());
  }

  /**
   * The handler now installed for {@code signal}, left in place. Swaps in a Java handler, never
   * SIG_IGN: the JVM refuses to replace an ignored SIGTERM/SIGINT, so SIG_IGN would stick.
   */
  private static SignalHandler current(Signal signal) {
    SignalHandler handler = Signal.handle(signal, ignored -> {});
    Signal.handle(signal, handler);
    return handler;
  }
}
