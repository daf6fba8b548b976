package io.harpoon.supervisor.adapters.runtime;

import io.harpoon.supervisor.adapters.posix.NativeProcesses;
import io.harpoon.supervisor.application.port.out.ContainerRuntime;
import io.harpoon.supervisor.application.port.out.LaunchSpec;
import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import io.harpoon.supervisor.application.port.out.SupervisorLog;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.Signal;
import io.harpoon.supervisor.domain.container.WaitStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The container runtime port on an OCI runtime's command line: {@code runc} by default, {@code
 * crun} alike. {@code create} runs with the container's own stdout and stderr pipes, which its init
 * inherits and two relay processes copy to the supervisor's stdout and stderr, and exits once the
 * container exists; the init is then re-parented to the supervisor, which is child subreaper (see
 * {@link NativeProcesses}) and so reaps it and sees its real status. The run directory is the OCI
 * bundle: {@code config.json}, {@code container.pid} and the runtime's log of the last create,
 * {@code runtime.log}, are written there.
 */
public final class RuncContainerRuntime implements ContainerRuntime {

  /** The runtime binary used unless configured otherwise. */
  public static final String DEFAULT_BINARY = "runc";

  static final String LOG_FILE = "runtime.log";
  private static final String CREATE_SILENCE =
      "and left no message in its log ("
          + LOG_FILE
          + "); anything it printed is on the"
          + " supervisor's stderr, which the container's output goes to";
  private static final Duration MAINTENANCE_TIMEOUT = Duration.ofSeconds(30);

  private final RuntimeCli cli;
  private final NativeProcesses processes;
  private final SupervisorLog log;
  private final OciBundleWriter bundles;
  private final StartGuards guards;
  private final InFlight starting = new InFlight();
  private final HostSupport support;
  private final RuntimeStateRoot stateRoot;

  /**
   * A runtime keeping its state where it does by default ({@code /run/runc}, {@code /run/crun}),
   * imposing {@code policy} on every container.
   */
  public RuncContainerRuntime(
      String binary, RuntimePolicy policy, NativeProcesses processes, SupervisorLog log) {
    this(
        new RuntimeCli(binary, List.of(), processes),
        RuntimeStateRoot.defaultOf(binary),
        policy,
        processes,
        log);
  }

  /** A runtime keeping its state under {@code stateRoot} ({@code --root}). */
  public RuncContainerRuntime(
      String binary,
      Path stateRoot,
      RuntimePolicy policy,
      NativeProcesses processes,
      SupervisorLog log) {
    this(
        new RuntimeCli(binary, List.of("--root", stateRoot.toString()), processes),
        RuntimeStateRoot.explicit(stateRoot),
        policy,
        processes,
        log);
  }

  private RuncContainerRuntime(
      RuntimeCli cli,
      RuntimeStateRoot stateRoot,
      RuntimePolicy policy,
      NativeProcesses processes,
      SupervisorLog log) {
    this.cli = cli;
    this.stateRoot = stateRoot;
    this.processes = processes;
    this.log = log;
    this.support = new HostSupport(cli);
    HostFacts host = HostFacts.detect();
    this.bundles = new OciBundleWriter(host, policy);
    this.guards = new StartGuards(host);
  }

  @Override
  public int create(LaunchSpec spec) throws RuntimeFailure {
    starting.begin();
    support.check();
    StartGuards.Checked checked = guards.beforeCreate(spec);
    bundles.write(spec);
    PidFile pidFile = new PidFile(spec.runDirectory());
    pidFile.deleteStale();
    long mark = processes.mark();
    RuntimeResult result =
        cli.runWithContainerOutput(
            createArgs(spec, pidFile.path()), spec.runDirectory().resolve(LOG_FILE), starting);
    if (!result.succeeded()) {
      throw failure("create", result, CREATE_SILENCE);
    }
    int pid = pidFile.read(cli.name(), log);
    // runc create has exited: the init it created is now our child (we are its subreaper).
    processes.adopt(pid, mark);
    try {
      guards.afterCreate(spec, pid, checked);
    } catch (RuntimeFailure refused) {
      // The command never ran: remove the container, so that nothing of it is left to start.
      release(spec.id());
      throw refused;
    }
    return pid;
  }

  @Override
  public void start(ContainerId id) throws RuntimeFailure {
    RuntimeResult result =
        cli.runCaptured(List.of("start", id.value()), starting, RuntimeCli.NO_TIMEOUT);
    if (!result.succeeded()) {
      throw failure("start", result, "and left no message in its log or on its stderr");
    }
  }

  @Override
  public void onExit(int pid, Consumer<WaitStatus> listener) {
    processes.onExit(pid, listener);
  }

  @Override
  public void signal(int pid, Signal signal) {
    processes.signal(pid, signal.number());
  }

  @Override
  public void abandonStart() {
    starting.abandon(pid -> processes.signal(pid, Signal.KILL.number()));
  }

  @Override
  public void release(ContainerId id) {
    try {
      RuntimeResult result = maintenance(List.of("delete", "--force", id.value()));
      if (!result.succeeded() && !result.containerMissing()) {
        log.warn(cli.name() + " delete " + id + " " + result.describe());
      }
    } catch (RuntimeFailure e) {
      log.warn(e.getMessage());
    }
  }

  @Override
  public Optional<Leftover> leftover(ContainerId id) {
    if (!stateRoot.mayKnow(id)) {
      return Optional.empty();
    }
    try {
      RuntimeResult result = maintenance(List.of("state", id.value()));
      if (result.succeeded()) {
        return Optional.of(result.leftover(id));
      }
      if (!result.containerMissing()) {
        log.warn(cli.name() + " state " + id + " " + result.describe());
      }
    } catch (RuntimeFailure | IOException e) {
      log.warn(cli.name() + " state " + id + ": " + e.getMessage());
    }
    return Optional.empty();
  }

  private static List<String> createArgs(LaunchSpec spec, Path pidFile) {
    String bundle = spec.runDirectory().toString();
    return List.of(
        "create", "--bundle", bundle, "--pid-file", pidFile.toString(), spec.id().value());
  }

  private RuntimeResult maintenance(List<String> args) throws RuntimeFailure {
    return cli.runCaptured(args, new InFlight(), MAINTENANCE_TIMEOUT);
  }

  /**
   * The failure of a start command, in the runtime's words when it left any. A runtime that wrote
   * nothing to its log may have written to its stderr: captured for {@code start}, but for {@code
   * create} it is the container's, which reaches the supervisor's stderr, so {@code err} points
   * there rather than stopping at an exit status.
   */
  private RuntimeFailure failure(String command, RuntimeResult result, String silence) {
    String what = cli.name() + " " + command;
    if (starting.abandoned()) {
      return new RuntimeFailure(what + " was abandoned: the start took too long");
    }
    String described = result.describe().replace(what + " failed: ", "");
    return new RuntimeFailure(
        what + " " + described + (result.errors().isEmpty() ? " " + silence : ""));
  }
}
