package io.harpoon.supervisor.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.harpoon.supervisor.adapters.config.JsonFileConfigSource;
import io.harpoon.supervisor.adapters.journal.FileStateJournal;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Binds every port to its production adapter. Plain constructors only; no annotations elsewhere. */
final class SupervisorModule extends AbstractModule {

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
    return StderrSupervisorLog.toStderr(commandLine.id(), clock);
  }

  @Provides
  @Singleton
  ContainerRuntime runtime(SupervisorLog log) {
    NativeProcesses processes = NativeProcesses.instance();
    return commandLine.runtimeRoot()
        .map(root -> new RuncContainerRuntime(commandLine.runtime(), Path.of(root), processes, log))
        .orElseGet(() -> new RuncContainerRuntime(commandLine.runtime(), processes, log));
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

  /** Runtime calls (create, start, delete) run here, one at a time, in order. */
  @Provides
  @Singleton
  ExecutorService worker() {
    return Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "harpoon-runtime");
      thread.setDaemon(true);
      return thread;
    });
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
        new SupervisorPorts(runtime, metrics, timers, clock, journal, log), worker);
  }
}
