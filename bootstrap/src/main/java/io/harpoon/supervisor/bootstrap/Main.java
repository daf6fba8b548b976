package io.harpoon.supervisor.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.harpoon.supervisor.adapters.control.ControlServerLimits;
import io.harpoon.supervisor.adapters.control.UnixSocketControlServer;
import io.harpoon.supervisor.adapters.signals.JdkOsSignals;
import io.harpoon.supervisor.adapters.timers.ScheduledTimers;
import io.harpoon.supervisor.application.loop.SupervisorLoop;
import io.harpoon.supervisor.application.port.out.CgroupMetrics;
import io.harpoon.supervisor.application.port.out.SupervisorLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code harpoon-supervisor}: parses the command line, wires the adapters, serves the control socket and
 * runs the supervisor loop on the main thread until an accepted {@code exit} or a signal-driven shutdown.
 */
public final class Main {

  static final String PROGRAM = "harpoon-supervisor";
  /** How long queued runtime work (the last {@code runc delete}) may take before the supervisor exits. */
  private static final Duration RUNTIME_DRAIN = Duration.ofSeconds(10);
  /** How long the final state may take to reach slow clients before the supervisor exits anyway. */
  private static final Duration FINAL_FLUSH = Duration.ofSeconds(2);

  private final PrintStream out;
  private final PrintStream err;

  Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    int code = new Main(System.out, System.err).run(args);
    System.out.flush();
    System.exit(code);
  }

  int run(String[] args) {
    Path runDirectory = Path.of("").toAbsolutePath();
    return run(args, runDirectory, ManualStart.ofThisProcess(runDirectory));
  }

  /** Runs with {@code runDirectory} as RUNDIR instead of the working directory (the CDS training does). */
  int run(String[] args, Path runDirectory) {
    return run(args, runDirectory, new ManualStart(false, true, runDirectory));
  }

  private int run(String[] args, Path runDirectory, ManualStart start) {
    CommandLineParser.Request request = CommandLineParser.request(args);
    if (request == CommandLineParser.Request.RUN) {
      // First of all: the warm-up needs neither the command line nor the config, and it is the longest
      // chain of the start path (jnr's native bindings); the main thread parses meanwhile. The rehearsal
      // of the way up follows once the injector is built (StartPath).
      StartPath.warmUpInBackground();
    }
    CommandLineParser parser = new CommandLineParser();
    switch (request) {
      case HELP:
        out.print(parser.usage());
        return 0;
      case VERSION:
        out.println(Version.line(PROGRAM));
        return 0;
      default:
        break;
    }
    CommandLine commandLine;
    try {
      commandLine = parser.parse(args);
    } catch (UsageException e) {
      err.println(PROGRAM + ": " + e.getMessage());
      err.print(parser.usage());
      return 2;
    }
    Optional<String> mistake = start.problem();
    if (mistake.isPresent()) {
      err.println(PROGRAM + ": " + mistake.get());
      err.println(PROGRAM + ": started from a terminal, so exiting 1 instead of waiting for an agent's exit");
      return 1;
    }
    return supervise(commandLine, runDirectory);
  }

  /**
   * Lets the worker finish what is queued — after the container's exit that is {@code runc delete}, which
   * removes the runtime's state and the cgroups — so a clean exit leaves nothing behind.
   */
  private static void finishRuntimeWork(ExecutorService worker) {
    worker.shutdown();
    try {
      worker.awaitTermination(RUNTIME_DRAIN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int supervise(CommandLine commandLine, Path runDirectory) {
    long started = System.nanoTime();
    Injector injector = Guice.createInjector(new SupervisorModule(commandLine, runDirectory));
    StartPath.rehearseInBackground();
    SupervisorLog log = injector.getInstance(SupervisorLog.class);
    log.info(Lifelines.banner(commandLine, injector.getInstance(CgroupMetrics.class)));
    SupervisorLoop loop = injector.getInstance(SupervisorLoop.class);
    UnixSocketControlServer server;
    try {
      server = UnixSocketControlServer.open(runDirectory, loop.states(), loop, log,
          ControlServerLimits.DEFAULT.withMaxClients(commandLine.maxClients()));
    } catch (IOException e) {
      log.error(e.getMessage() + "; exiting with code 1");
      return 1;
    }
    loop.begin();
    // The handlers stay installed until the process exits, never restored: a SIGTERM that arrives while
    // the last state is flushed to clients must not fall back to the JVM's default and exit with 143.
    new JdkOsSignals(loop, log).install();
    try (ScheduledTimers timers = injector.getInstance(ScheduledTimers.class)) {
      loop.startMetricsTicks();
      int code = loop.run();
      log.info(Lifelines.exit(code, loop.state(), Duration.ofNanos(System.nanoTime() - started)));
      return code;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } finally {
      server.close(FINAL_FLUSH);
      finishRuntimeWork(injector.getInstance(ExecutorService.class));
    }
  }
}
