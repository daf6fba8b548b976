package io.harpoon.supervisor.it.support;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one scenario needs, and everything it leaves behind: run directories, supervisors, clients. Its
 * {@link #close()} always kills leftover supervisors, deletes the runtime's containers and the cgroups
 * {@code harpoon/<id>}, so a failed scenario does not disturb the next one.
 */
public final class SupervisorFixture implements AutoCloseable {

  /** Short restart delays: the scenarios are about behaviour, not about the 1 s default. */
  public static final List<String> FAST_OPTIONS =
      List.of("--restart-delay", "100ms", "--max-restart-delay", "1s", "--backoff-reset", "10s");
  /** A cold JVM on a busy two-core machine: generous, and still bounded. */
  public static final Duration STARTUP = Duration.ofSeconds(20);
  public static final String HOSTNAME = "it-host";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String RUN_TAG = Long.toString(ProcessHandle.current().pid() % 46656, 36);

  private final Environment environment;
  private final String test;
  private final List<RunDirectory> directories = new ArrayList<>();
  private final List<SupervisorProcess> supervisors = new ArrayList<>();
  private final List<ControlClient> clients = new ArrayList<>();
  private final List<SocketChannel> rawChannels = new ArrayList<>();

  /** @param test the test's name, for the report of the supervisors' stderr */
  public SupervisorFixture(Environment environment, String test) {
    this.environment = environment;
    this.test = test;
  }

  public Environment environment() {
    return environment;
  }

  /** A fresh run directory with a default agent.json; its name is a new container ID. */
  public RunDirectory runDirectory() throws IOException {
    String id = "hsit-" + RUN_TAG + "-" + SEQUENCE.incrementAndGet();
    RunDirectory dir = RunDirectory.create(environment.runBase(), id, environment.busybox());
    directories.add(dir);
    return dir;
  }

  /** A fresh run directory with this agent.json. */
  public RunDirectory runDirectory(AgentConfig config) throws IOException {
    return runDirectory().write(config);
  }

  /** Starts a supervisor with {@link #FAST_OPTIONS} and waits until it serves its control socket. */
  public SupervisorProcess start(RunDirectory dir, List<String> command) throws IOException {
    return start(dir, FAST_OPTIONS, command);
  }

  /** Starts a supervisor with these options and waits until it serves its control socket. */
  public SupervisorProcess start(RunDirectory dir, List<String> options, List<String> command)
      throws IOException {
    SupervisorProcess supervisor = launch(dir, arguments(dir, options, command));
    supervisor.awaitControlSocket(dir.control(), STARTUP);
    return supervisor;
  }

  /** The command line of a supervisor for this run directory: hostname, ID, options, command. */
  public static List<String> arguments(RunDirectory dir, List<String> options, List<String> command) {
    List<String> arguments = new ArrayList<>(List.of("--hostname", HOSTNAME, "--ID", dir.id()));
    arguments.addAll(options);
    arguments.add("--");
    arguments.addAll(command);
    return arguments;
  }

  /** Starts a supervisor with exactly these arguments and waits for nothing. */
  public SupervisorProcess launch(RunDirectory dir, List<String> arguments) throws IOException {
    return launchThrough(dir, List.of(), arguments);
  }

  /** As {@link #launch}, with SIGINT ignored across the exec, as a shell starts a background job. */
  public SupervisorProcess launchIgnoringSigint(RunDirectory dir, List<String> arguments) throws IOException {
    return launchThrough(dir, List.of("sh", "-c", "trap '' INT; exec \"$@\"", "sh"), arguments);
  }

  private SupervisorProcess launchThrough(RunDirectory dir, List<String> wrapper, List<String> arguments)
      throws IOException {
    int n = supervisors.size() + 1;
    Path logs = dir.path().resolveSibling(dir.id() + "-logs");
    Files.createDirectories(logs);
    SupervisorProcess supervisor = environment.start(dir.path(), wrapper, arguments,
        logs.resolve("supervisor-" + n + ".out"), logs.resolve("supervisor-" + n + ".err"));
    supervisors.add(supervisor);
    return supervisor;
  }

  /** Connects a client to the run directory's socket. */
  public ControlClient connect(RunDirectory dir) throws IOException {
    ControlClient client = ControlClient.connect(dir.control(), Duration.ofSeconds(5));
    clients.add(client);
    return client;
  }

  /** A bare connection that the test never reads from: a stuck client. */
  public SocketChannel connectRaw(RunDirectory dir) throws IOException {
    SocketChannel channel = UnixSockets.connect(dir.control(), Duration.ofSeconds(5));
    rawChannels.add(channel);
    return channel;
  }

  /** Runs a command beside the supervisor. */
  public CommandResult run(String... command) {
    return environment.run(command);
  }

  @Override
  public void close() {
    clients.forEach(SupervisorFixture::closeQuietly);
    rawChannels.forEach(SupervisorFixture::closeQuietly);
    for (SupervisorProcess supervisor : supervisors) {
      try {
        supervisor.killHard();
      } catch (AssertionError e) {
        System.out.println("cannot kill supervisor " + supervisor.pid() + ": " + e.getMessage());
      }
    }
    for (RunDirectory dir : directories) {
      removeContainer(dir.id());
    }
    System.out.println("==== " + test);
    for (int i = 0; i < supervisors.size(); i++) {
      report(i + 1, supervisors.get(i));
    }
    for (RunDirectory dir : directories) {
      deleteQuietly(dir);
    }
  }

  /** What the container {@code id} left on the host: the runtime's container and cgroup directories. */
  public List<String> leftovers(String id) {
    List<String> found = new ArrayList<>();
    CommandResult state = environment.run("runc", "state", id);
    if (state.succeeded()) {
      found.add("runc container " + id + ": " + state.stdout().replaceAll("\\s+", " "));
    }
    environment.run("sh", "-c", findCgroups(id)).stdout().lines().forEach(found::add);
    return found;
  }

  private void removeContainer(String id) {
    environment.run("runc", "delete", "--force", id);
    String find = findCgroups(id);
    try {
      Poll.until("cgroups harpoon/" + id + " removed", Duration.ofSeconds(5), () -> environment
          // rmdir succeeds once the last process in the cgroup is gone.
          .run("sh", "-c", find + " | while read -r d; do rmdir \"$d\" 2>/dev/null; done; " + find)
          .stdout().isBlank());
    } catch (AssertionError e) {
      System.out.println("leftover cgroups: " + e.getMessage());
    }
  }

  /**
   * A relative cgroup path lands under the cgroup of whoever created it, so this looks for harpoon/ID
   * anywhere in the hierarchies.
   */
  private static String findCgroups(String id) {
    return "find /sys/fs/cgroup -maxdepth 8 -type d -path '*/harpoon/" + id + "' 2>/dev/null";
  }

  private static void report(int n, SupervisorProcess supervisor) {
    String stderr = supervisor.stderr();
    int from = Math.max(0, stderr.length() - 4000);
    System.out.println("---- supervisor " + n + " (pid " + supervisor.pid() + ") stderr, last 4000 chars:\n"
        + stderr.substring(from));
  }

  private static void deleteQuietly(RunDirectory dir) {
    try {
      dir.delete();
      Path logs = dir.path().resolveSibling(dir.id() + "-logs");
      try (var files = Files.list(logs)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(logs);
    } catch (IOException e) {
      System.out.println("cannot delete " + dir.path() + ": " + e);
    }
  }

  private static void closeQuietly(AutoCloseable client) {
    try {
      client.close();
    } catch (Exception e) {
      // Closing a client that the supervisor already dropped: nothing to clean up.
    }
  }
}
