package io.harpoon.supervisor.it.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A container that plays the host of the supervisor: root, with the capabilities, cgroups and
 * devices runc needs to create containers inside it, and {@code runBase} of this machine
 * bind-mounted at the same path, so run directories, log files and {@code control} sockets made on
 * either side are seen at the same path on the other. Closing it removes the container and
 * everything started in it.
 *
 * <p>Why not {@code --privileged}: Docker then grants every capability it knows, and runc fails
 * ("unable to apply caps") where the host's bounding set lacks one, as on VMs without
 * CAP_SYS_RESOURCE. Instead, what {@code --privileged} would give, piece by piece:
 *
 * <ul>
 *   <li>every capability but CAP_SYS_RESOURCE (runc needs CAP_SYS_ADMIN for namespaces and mounts);
 *   <li>no seccomp profile: Docker's default one denies keyctl(2), and runc fails with "unable to
 *       join session keyring";
 *   <li>no AppArmor profile: docker-default denies mount(2) where AppArmor is enabled;
 *   <li>every device (rule {@code a *:* rwm}): runc's default device list fits in Docker's, but a
 *       nested device rule must never be denied by the parent's;
 *   <li>docker-init as pid 1, to reap what is orphaned in the container (a supervisor killed hard,
 *       busybox timeout's watcher);
 *   <li>an entrypoint that remounts /sys and the cgroup hierarchies read-write, as Docker mounts
 *       them read-only for an unprivileged container (see the image's harpoon-container-init).
 * </ul>
 */
public final class DockerSupervisorHost implements AutoCloseable {

  private static final String READY = ".*harpoon-container-init: ready.*";
  private static final String PID_DIR = "/run/harpoon-it";

  /** Writes its own pid, then becomes the command with stdin from /dev/null and output to files. */
  private static final String SPAWN =
      "pidfile=$1 out=$2 err=$3; shift 3; mkdir -p "
          + PID_DIR
          + " && echo $$ > \"$pidfile\" && exec \"$@\" < /dev/null > \"$out\" 2> \"$err\"";

  private final GenericContainer<?> container;
  private final DockerClient docker;
  private final Path runBase;
  private final AtomicInteger spawned = new AtomicInteger();

  private DockerSupervisorHost(GenericContainer<?> container, Path runBase) {
    this.container = container;
    this.docker = DockerClientFactory.instance().client();
    this.runBase = runBase;
  }

  /**
   * Starts a container of {@code image} with {@code runBase} (created if absent) bind-mounted
   * read-write at the same path.
   */
  public static DockerSupervisorHost start(ContainerImage image, Path runBase) throws IOException {
    Path base = Files.createDirectories(runBase.toAbsolutePath().normalize());
    OrphanContainers.remove(DockerClientFactory.instance().client());
    GenericContainer<?> container =
        new GenericContainer<>(DockerImageName.parse(image.name()))
            .withLabels(OrphanContainers.labels())
            .withCreateContainerCmdModifier(cmd -> capable(cmd.getHostConfig(), base))
            .waitingFor(
                Wait.forLogMessage(READY + "\n", 1).withStartupTimeout(Duration.ofSeconds(60)));
    try {
      container.start();
    } catch (ContainerLaunchException e) {
      container.stop(); // Ryuk is off: nobody else would remove the failed container
      throw e;
    }
    return new DockerSupervisorHost(container, base);
  }

  private static void capable(HostConfig config, Path runBase) {
    config
        .withCapAdd(Capability.ALL)
        .withCapDrop(Capability.SYS_RESOURCE)
        .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"))
        .withDeviceCgroupRules(List.of("a *:* rwm"))
        .withInit(true)
        .withBinds(new Bind(runBase.toString(), new Volume(runBase.toString())));
  }

  /** The Docker id of the container. */
  public String containerId() {
    return container.getContainerId();
  }

  /** The directory shared with this machine at the same path. */
  public Path runBase() {
    return runBase;
  }

  /**
   * Starts the distribution's launcher with {@code arguments} in {@code runDirectory}; stdout and
   * stderr go to the given files, which must be under {@link #runBase()} (the test reads them
   * here).
   */
  public ContainerProcess startSupervisor(Path runDirectory, List<String> arguments, Path stdout, Path stderr)
      throws IOException {
    return startSupervisor(runDirectory, List.of(), arguments, stdout, stderr);
  }

  /** As {@link #startSupervisor(Path, List, Path, Path)}, through {@code wrapper}, which execs the rest. */
  public ContainerProcess startSupervisor(Path runDirectory, List<String> wrapper, List<String> arguments,
      Path stdout, Path stderr) throws IOException {
    List<String> command = new ArrayList<>(wrapper);
    command.add(ContainerImage.LAUNCHER);
    command.addAll(arguments);
    return spawn(runDirectory, command, stdout, stderr);
  }

  /** Starts any command in the container without waiting for it, as {@link #startSupervisor}. */
  public ContainerProcess spawn(
      Path workingDirectory, List<String> command, Path stdout, Path stderr) throws IOException {
    String pidFile = PID_DIR + "/spawn-" + spawned.incrementAndGet() + ".pid";
    List<String> wrapped =
        new ArrayList<>(
            List.of(
                "sh",
                "-c",
                SPAWN,
                "sh",
                pidFile,
                shared(stdout).toString(),
                shared(stderr).toString()));
    wrapped.addAll(command);
    String execId =
        docker
            .execCreateCmd(containerId())
            .withCmd(wrapped.toArray(String[]::new))
            .withWorkingDir(shared(workingDirectory).toString())
            .exec()
            .getId();
    awaitQuietly(docker.execStartCmd(execId).withDetach(true).exec(new ResultCallback.Adapter<>()));
    return new ContainerProcess(this, execId, pidFile);
  }

  /**
   * Runs a command in the container to completion, at most {@code timeout}, and collects its
   * output.
   */
  public ExecResult exec(Duration timeout, List<String> command) {
    return ContainerExec.run(docker, containerId(), timeout, command);
  }

  /** {@link #exec(Duration, List)} with 10 seconds. */
  public ExecResult exec(String... command) {
    return exec(Duration.ofSeconds(10), List.of(command));
  }

  /** Whether {@code tool} is on the container's PATH. */
  public boolean hasTool(String tool) {
    return exec("sh", "-c", "command -v \"$1\"", "sh", tool).succeeded();
  }

  /** What the container's pid 1 (the entrypoint) has printed so far. */
  public String logs() {
    return container.getLogs();
  }

  DockerClient docker() {
    return docker;
  }

  /** Kills and removes the container: everything started in it ends with it. */
  @Override
  public void close() {
    container.stop();
  }

  private Path shared(Path path) throws IOException {
    Path absolute = path.toAbsolutePath().normalize();
    if (!absolute.startsWith(runBase)) {
      throw new IOException(
          absolute
              + " is not under "
              + runBase
              + ", the only directory shared with"
              + " the container");
    }
    return absolute;
  }

  private static void awaitQuietly(ResultCallback.Adapter<?> callback) throws IOException {
    try {
      callback.awaitCompletion(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting an exec", e);
    }
  }
}
