package io.harpoon.supervisor.adapters.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.harpoon.supervisor.adapters.json.JsonTrees;
import io.harpoon.supervisor.adapters.posix.NativeProcesses;
import io.harpoon.supervisor.application.port.out.ContainerRuntime;
import io.harpoon.supervisor.application.port.out.LaunchSpec;
import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import io.harpoon.supervisor.application.port.out.SupervisorLog;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.Signal;
import io.harpoon.supervisor.domain.container.WaitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The container runtime port on an OCI runtime's command line: {@code runc} by default, {@code
 * crun} alike. {@code create} runs with the container's own stdout and stderr pipes, which its init
 * inherits and the supervisor relays to its own stdout and stderr, and exits once the container
 * exists; the init is then re-parented to the supervisor, which is child subreaper (see {@link
 * NativeProcesses}) and so reaps it and sees its real status. The run directory is the OCI bundle:
 * {@code config.json}, {@code container.pid} and the runtime's log of the last create, {@code
 * runtime.log}, are written there.
 */
public final class RuncContainerRuntime implements ContainerRuntime {

  /** The runtime binary used unless configured otherwise. */
  public static final String DEFAULT_BINARY = "runc";

  static final String PID_FILE = "container.pid";
  static final String LOG_FILE = "runtime.log";
  private static final Duration MAINTENANCE_TIMEOUT = Duration.ofSeconds(30);
  // A "created" container never ran its command: its supervisor died mid-start, so it is cleaned up
  // and started afresh rather than taken over.
  private static final Set<String> ALIVE = Set.of("running", "paused", "pausing");

  private final RuntimeCli cli;
  private final NativeProcesses processes;
  private final SupervisorLog log;
  private final OciBundleWriter bundles = new OciBundleWriter(HostFacts.detect());
  private final InFlight starting = new InFlight();
  private final HostSupport support;
  private final RuntimeStateRoot stateRoot;

  /**
   * A runtime keeping its state where it does by default ({@code /run/runc}, {@code /run/crun}).
   */
  public RuncContainerRuntime(String binary, NativeProcesses processes, SupervisorLog log) {
    this(
        new RuntimeCli(binary, List.of(), processes),
        RuntimeStateRoot.defaultOf(binary),
        processes,
        log);
  }

  /** A runtime keeping its state under {@code stateRoot} ({@code --root}). */
  public RuncContainerRuntime(
      String binary, Path stateRoot, NativeProcesses processes, SupervisorLog log) {
    this(
        new RuntimeCli(binary, List.of("--root", stateRoot.toString()), processes),
        RuntimeStateRoot.explicit(stateRoot),
        processes,
        log);
  }

  private RuncContainerRuntime(
      RuntimeCli cli, RuntimeStateRoot stateRoot, NativeProcesses processes, SupervisorLog log) {
    this.cli = cli;
    this.stateRoot = stateRoot;
    this.processes = processes;
    this.log = log;
    this.support = new HostSupport(cli);
  }

  @Override
  public int create(LaunchSpec spec) throws RuntimeFailure {
    starting.begin();
    support.check();
    bundles.write(spec);
    Path pidFile = spec.runDirectory().resolve(PID_FILE);
    deleteStale(pidFile);
    long mark = processes.mark();
    RuntimeResult result =
        cli.runWithContainerOutput(
            createArgs(spec, pidFile), spec.runDirectory().resolve(LOG_FILE), starting);
    if (!result.succeeded()) {
      throw failure("create", result);
    }
    int pid = readPid(pidFile);
    restrict(pidFile);
    // runc create has exited: the init it created is now our child (we are its subreaper).
    processes.adopt(pid, mark);
    return pid;
  }

  @Override
  public void start(ContainerId id) throws RuntimeFailure {
    RuntimeResult result =
        cli.runCaptured(List.of("start", id.value()), starting, RuntimeCli.NO_TIMEOUT);
    if (!result.succeeded()) {
      throw failure("start", result);
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
        return Optional.of(parseState(id, result.stdout()));
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

  /** runc/crun state: {"id":..,"pid":..,"status":"created|running|paused|stopped","bundle":..}. */
  private static Leftover parseState(ContainerId id, String json) throws IOException {
    JsonNode state = JsonTrees.read(json);
    if (state == null) {
      throw new IOException("empty state");
    }
    int pid = state.path("pid").asInt(0);
    return new Leftover(id, ALIVE.contains(state.path("status").asText()) && pid > 0 ? pid : 0);
  }

  private RuntimeFailure failure(String command, RuntimeResult result) {
    String what = cli.name() + " " + command;
    if (starting.abandoned()) {
      return new RuntimeFailure(what + " was abandoned: the start took too long");
    }
    return new RuntimeFailure(what + " " + result.describe().replace(what + " failed: ", ""));
  }

  private static void deleteStale(Path pidFile) throws RuntimeFailure {
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new RuntimeFailure("cannot remove " + pidFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * The runtime writes the pid file under a temporary name with mode 0666 less the umask, then
   * renames it, so it cannot be created 0600 beforehand; it is made owner-only once it exists. A
   * failure is only logged: the container exists, and a pid is no secret.
   */
  private void restrict(Path pidFile) {
    try {
      Files.setPosixFilePermissions(pidFile, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      log.warn("cannot make " + pidFile + " owner-only: " + e.getMessage());
    }
  }

  private int readPid(Path pidFile) throws RuntimeFailure {
    try {
      return Integer.parseInt(Files.readString(pidFile).trim());
    } catch (IOException | NumberFormatException e) {
      throw new RuntimeFailure(
          cli.name() + " create left no pid in " + pidFile + ": " + e.getMessage(), e);
    }
  }
}
