package io.harpoon.supervisor.adapters.signals;

import io.harpoon.supervisor.application.port.out.SupervisorLog;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM for {@link JdkOsSignalsProcessTest}: installs the handlers, reports each step on
 * stdout, and halts (skipping shutdown hooks) after two termination requests. A shutdown hook
 * announces itself, so the test can see whether the JVM's own SIGTERM handling ran.
 */
public final class SignalProbe {

  private SignalProbe() {}

  public static void main(String[] args) throws InterruptedException {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> say("shutdown-hook")));
    Semaphore requests = new Semaphore(0);
    JdkOsSignals signals = new JdkOsSignals(requests::release, new StdoutLog());
    say("installed " + signals.install());
    for (int i = 1; i <= 2; i++) {
      if (!requests.tryAcquire(30, TimeUnit.SECONDS)) {
        say("timeout");
        Runtime.getRuntime().halt(3);
      }
      say("termination-requested " + i);
    }
    Runtime.getRuntime().halt(0);
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }

  private static final class StdoutLog implements SupervisorLog {
    @Override
    public void info(String message) {
      say("info " + message);
    }

    @Override
    public void warn(String message) {
      say("warn " + message);
    }
  }
}
