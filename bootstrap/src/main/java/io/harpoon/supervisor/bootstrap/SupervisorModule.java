package io.harpoon.supervisor.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.harpoon.supervisor.adapters.config.JsonFileConfigSource;
import io.harpoon.supervisor.adapters.journal.FileStateJournal;
import io.harpoon.supervisor.adapters.log.LogFormat;
import io.harpoon.supervisor.adapters.log.StderrSupervisorLog;
import io.harpoon.supervisor.adapters.metrics.CgroupMetricsFactory;
import io.harpoon.supervisor.adapters.posix.NativeProcesses;
import io.harpoon.supervisor.adapters.runtime.RuncContainerRuntime;
import io.harpoon.supervisor.adapters.timers.ScheduledTimers;
import io.harpoon.supervisor.application.loop.StartupPlan;
import io.harpoon.supervisor.application.loop.SupervisorLoop;
import io.harpoon.supervisor.application.loop.SupervisorPorts;
import io.harpoon.supervisor.application.port.out.CgroupMetrics;
import io.harpoon.supervisor.application.port.out.ConfigSource;
import io.harpoon.supervisor.application.port.out.ContainerRuntime;
import io.harpoon.supervisor.application.port.out.StateJournal;
import io.harpoon.supervisor.application.port.out.SupervisorLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Binds every port to its production adapter. Plain constructors only; no annotations elsewhere. */
final class SupervisorModule extends AbstractModule {

  /** How long the runtime worker's thread waits for more work before it ends. */
  private static final Duration WORKER_IDLE = Duration.ofSeconds(1);

  private final CommandLine commandLine;
  private final Path runDirectory;

  SupervisorModule(CommandLine commandLine, Path runDirectory) {
    this.commandLine = commandLine;
    this.runDirectory = runDirectory;
  }

  @Provides
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Provides
  @Singleton
  SupervisorLog log(Clock clock) {
    return StderrSupervisorLog.toStderr(LogFormat.named(commandLine.logFormat(),
        StderrSupervisorLog.PROGRAM, commandLine.id().value()), clock);
  }

  @Provides
  @Singleton
  ContainerRuntime runtime(SupervisorLog log) {
    NativeProcesses processes = NativeProcesses.instance();
    String binary = commandLine.runtime();
    return commandLine.runtimeRoot()
        .map(root -> new RuncContainerRuntime(binary, Path.of(root), commandLine.policy(), processes, log))
        .orElseGet(() -> new RuncContainerRuntime(binary, commandLine.policy(), processes, log));
  }

  @Provides
  @Singleton
  CgroupMetrics metrics() {
    return CgroupMetricsFactory.detect();
  }

  @Provides
  @Singleton
  ScheduledTimers timers(SupervisorLog log) {
    return new ScheduledTimers(log);
  }

  @Provides
  @Singleton
  StateJournal journal(SupervisorLog log) {
    return new FileStateJournal(runDirectory, log);
  }

  @Provides
  @Singleton
  ConfigSource config() {
    return new JsonFileConfigSource(runDirectory);
  }

  /**
   * Runtime calls (create, start, delete) run here, one at a time, in order. They come in bursts around a
   * start or an exit, and a container may then run for days: the thread ends after a short idle time and a
   * new one is made for the next burst (a thread less in the steady state, for ~0.1 ms per burst).
   */
  @Provides
  @Singleton
  ExecutorService worker() {
    ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, WORKER_IDLE.toMillis(), TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(), task -> {
          Thread thread = new Thread(task, "harpoon-runtime");
          thread.setDaemon(true);
          return thread;
        });
    worker.allowCoreThreadTimeOut(true);
    return worker;
  }

  @Provides
  @Singleton
  StartupPlan plan(ConfigSource config) {
    StartupPlan.Request request = new StartupPlan.Request(commandLine.id(), commandLine.hostname(),
        commandLine.command(), runDirectory, commandLine.backoff());
    return StartupPlan.of(request, config.load());
  }

  @Provides
  @Singleton
  SupervisorLoop loop(StartupPlan plan, ContainerRuntime runtime, CgroupMetrics metrics,
      ScheduledTimers timers, Clock clock, StateJournal journal, SupervisorLog log,
      ExecutorService worker) {
    return new SupervisorLoop(plan,
        new SupervisorPorts(runtime, metrics, timers, clock, journal, log), worker, StartPath.runningHook());
  }
}
