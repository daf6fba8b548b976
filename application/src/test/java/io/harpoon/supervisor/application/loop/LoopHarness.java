package io.harpoon.supervisor.application.loop;

import io.harpoon.supervisor.application.fake.DeferredExecutor;
import io.harpoon.supervisor.application.fake.FakeCgroupMetrics;
import io.harpoon.supervisor.application.fake.FakeContainerRuntime;
import io.harpoon.supervisor.application.fake.ManualTime;
import io.harpoon.supervisor.application.fake.RecordingJournal;
import io.harpoon.supervisor.application.fake.RecordingLog;
import io.harpoon.supervisor.application.port.in.SendCommand;
import io.harpoon.supervisor.application.port.out.ConfigLoad;
import io.harpoon.supervisor.domain.lifecycle.Checkpoint;
import io.harpoon.supervisor.domain.container.ConfigDraft;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.lifecycle.Command;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import io.harpoon.supervisor.domain.restart.Backoff;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A supervisor loop wired to fakes, driven step by step: no threads, no real time. */
final class LoopHarness {

  static final ContainerId ID = new ContainerId("c1");
  static final Path RUN_DIRECTORY = Path.of("/run/c1");
  /** The fake clock's time when the harness is made. */
  static final java.time.Instant START = new ManualTime().instant();

  final FakeContainerRuntime runtime = new FakeContainerRuntime();
  final FakeCgroupMetrics metrics = new FakeCgroupMetrics(ID);
  final ManualTime time = new ManualTime();
  final DeferredExecutor worker = new DeferredExecutor();
  final RecordingJournal journal;
  final RecordingLog log = new RecordingLog();
  /** What the loop handed its running hook: the pid of each state, and when. */
  final List<String> runningHookCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
  final SupervisorLoop loop;

  LoopHarness(ConfigLoad load, List<String> command) {
    this(load, command, new RecordingJournal());
  }

  LoopHarness(ConfigLoad load, List<String> command, RecordingJournal journal) {
    this(load, command, journal, true);
  }

  /** With {@code begin} false the loop is built but not set going, as before its socket is owned. */
  LoopHarness(ConfigLoad load, List<String> command, RecordingJournal journal, boolean begin) {
    this.journal = journal;
    StartupPlan.Request request =
        new StartupPlan.Request(ID, "host", command, RUN_DIRECTORY, Backoff.DEFAULT);
    SupervisorPorts ports = new SupervisorPorts(runtime, metrics, time, time, journal, log);
    loop = new SupervisorLoop(StartupPlan.of(request, load), ports, worker,
        (running, at) -> runningHookCalls.add(running.pid() + " at " + at));
    if (begin) {
      loop.begin();
    }
  }

  /** A container with the given restart policy and shutdown grace, running {@code sleep 100}. */
  static LoopHarness withPolicy(String restart, String shutdownGrace) {
    return withPolicy(restart, shutdownGrace, null);
  }

  /** The same, in a run directory whose previous supervisor journaled {@code previous}. */
  static LoopHarness withPolicy(String restart, String shutdownGrace, Checkpoint previous) {
    RecordingJournal journal = previous == null ? new RecordingJournal() : new RecordingJournal(previous);
    return new LoopHarness(load(restart, shutdownGrace), List.of("sleep", "100"), journal);
  }

  /** A loop for {@code sleep 100} that is built but not begun. */
  static LoopHarness notBegun() {
    return notBegun("on-failure");
  }

  /** A loop for {@code sleep 100} with restart policy {@code restart}, built but not begun. */
  static LoopHarness notBegun(String restart) {
    return new LoopHarness(load(restart, "5s"), List.of("sleep", "100"), new RecordingJournal(), false);
  }

  /** A loop whose config source reported {@code problem}, built but not begun. */
  static LoopHarness rejectedNotBegun(String problem) {
    ConfigLoad broken = new ConfigLoad(load("always", "5s").draft(), List.of(problem));
    return new LoopHarness(broken, List.of("sleep", "100"), new RecordingJournal(), false);
  }

  private static ConfigLoad load(String restart, String shutdownGrace) {
    ConfigDraft draft = new ConfigDraft(java.util.Map.of(), List.of(), java.util.Map.of(),
        java.util.Map.of(), "", 64, 0, 0, java.util.Map.of(), java.util.Map.of(), "2s", shutdownGrace,
        restart);
    return new ConfigLoad(draft, List.of());
  }

  /** Lets the loop and the worker run until neither has anything left to do. */
  LoopHarness settle() {
    int processed;
    do {
      worker.runAll();
      processed = loop.runPending();
    } while (processed > 0 || worker.pending() > 0);
    return this;
  }

  /** Moves time forward in 10 ms steps, letting the loop react between timers as a real one would. */
  LoopHarness advance(Duration duration) {
    Duration step = Duration.ofMillis(10);
    for (Duration left = duration; !left.isZero(); ) {
      Duration now = left.compareTo(step) < 0 ? left : step;
      time.advance(now);
      settle();
      left = left.minus(now);
    }
    return this;
  }

  /** Sends a command as a client would; returns the rejections that client received. */
  List<String> send(Command command) {
    List<String> replies = new ArrayList<>();
    SendCommand.CommandReplies recorder = (cmd, reason) -> replies.add(cmd.wireName() + ": " + reason);
    loop.send(command, recorder);
    settle();
    return replies;
  }

  ContainerProcessState current() {
    return loop.states().current();
  }

  int pid() {
    return loop.state().pid();
  }
}
