package io.harpoon.supervisor.it.container;

import io.harpoon.supervisor.it.support.CommandResult;
import io.harpoon.supervisor.it.support.Environment;
import io.harpoon.supervisor.it.support.SupervisorProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The supervisor runs as root inside one capable Docker container ({@link DockerSupervisorHost}),
 * started at the first scenario that needs it and shared by every scenario until {@link #close()}.
 * Helper commands ({@code runc}, {@code kill}, {@code cat /proc/...}) are {@code docker exec}s in
 * that container, so they see its pids, its runc state and its cgroups, as the supervisor does.
 *
 * <p>Run directories live under {@code /tmp/hs-ct}, bind-mounted at the same path: the test builds
 * them here, the supervisor serves its {@code control} socket there, and the test connects to it
 * here. The path is short, so a socket path stays far below the 107 bytes of {@code sun_path}
 * (unix(7)).
 */
public final class DockerEnvironment implements Environment {

  private static final Path RUN_BASE = Path.of("/tmp/hs-ct");

  private final ImageSources sources = ImageSources.ofThisMachine();
  private final Map<String, Boolean> tools = new ConcurrentHashMap<>();
  private DockerSupervisorHost host;
  private Exception startFailure;

  @Override
  public String name() {
    return "docker";
  }

  @Override
  public List<String> missingPrerequisites() {
    return DockerPrerequisites.missing(sources);
  }

  @Override
  public Optional<String> lacks(Feature feature) {
    // The other-user client is PeerProbe on the image's own Java, run through busybox's setpriv.
    return switch (feature) {
      case OTHER_USER_CLIENT -> hasTool("setpriv")
          ? Optional.empty()
          : Optional.of("the image has no setpriv");
    };
  }

  @Override
  public boolean hasTool(String tool) {
    return tools.computeIfAbsent(tool, this::hasToolInContainer);
  }

  @Override
  public Path runBase() {
    return RUN_BASE;
  }

  /** The busybox of this machine: the run directories are built here, then seen in the container. */
  @Override
  public Path java() {
    return Path.of("/opt/java/bin/java");
  }

  @Override
  public Path busybox() {
    return sources.busybox();
  }

  @Override
  public SupervisorProcess start(Path runDirectory, List<String> wrapper, List<String> arguments, Path stdout,
      Path stderr) throws IOException {
    ContainerProcess process = host().startSupervisor(runDirectory, wrapper, arguments, stdout, stderr);
    // The wrapper shell writes its pid and execs the launcher, which execs java: the same pid.
    return new SupervisorProcess(process, process.pid(), this, stdout, stderr);
  }

  @Override
  public CommandResult run(Duration timeout, List<String> command) {
    try {
      ExecResult result = host().exec(timeout, command);
      return new CommandResult(result.exitCode(), result.stdout(), result.stderr());
    } catch (IOException e) {
      return new CommandResult(127, "", "cannot run " + command + ": " + e);
    }
  }

  /** Removes the container, and with it every supervisor and runc container still in it. */
  @Override
  public synchronized void close() {
    if (host != null) {
      host.close();
      host = null;
    }
  }

  /**
   * The container, started on first use. A failed start is remembered: the scenarios after it fail
   * at once with the first cause instead of building and starting again.
   */
  private synchronized DockerSupervisorHost host() throws IOException {
    if (host == null && startFailure == null) {
      try {
        host = DockerSupervisorHost.start(ContainerImage.forThisMachine(), RUN_BASE);
      } catch (IOException | RuntimeException e) {
        startFailure = e;
      }
    }
    if (host == null) {
      throw new IOException("the supervisor's container did not start", startFailure);
    }
    return host;
  }

  private boolean hasToolInContainer(String tool) {
    try {
      return host().hasTool(tool);
    } catch (IOException e) {
      return false;
    }
  }
}
