package io.harpoon.supervisor.it.faults;

import io.harpoon.supervisor.it.support.Poll;
import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SupervisorFixture;
import io.harpoon.supervisor.it.support.UnixSockets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A supervisor of the reactor's distribution started with the stdio, environment or wrapper a test
 * chooses (a terminal through {@code script}, pipes it reads or never drains), which the fixture's
 * environment (files only) does not offer. Closing it kills the supervisor and its wrapper; the
 * fixture still removes the container and cgroups of the run directory.
 */
final class HostLaunch implements AutoCloseable {

  private final Process process;
  private final long supervisorPid;

  private HostLaunch(Process process, long supervisorPid) {
    this.process = process;
    this.supervisorPid = supervisorPid;
  }

  /** The launcher of the distribution under test. */
  static Path launcher() {
    return Path.of(System.getProperty("harpoon.dist", "../bootstrap/target/dist"))
        .resolve("bin/harpoon-supervisor").toAbsolutePath().normalize();
  }

  /**
   * A file for what the test captures beside {@code dir}, in the directory of logs the fixture removes
   * with the run directory.
   */
  static Path logFile(RunDirectory dir, String name) throws IOException {
    return logs(dir).resolve(name);
  }

  private static Path logs(RunDirectory dir) throws IOException {
    return Files.createDirectories(dir.path().resolveSibling(dir.id() + "-logs"));
  }

  /** The launcher's command line for a supervisor of {@code dir} running {@code command}. */
  static List<String> supervisorCommand(RunDirectory dir, List<String> command) {
    List<String> line = new ArrayList<>(List.of(launcher().toString()));
    line.addAll(SupervisorFixture.arguments(dir, SupervisorFixture.FAST_OPTIONS, command));
    return line;
  }

  /**
   * Starts {@code builder} (the launcher itself, or a wrapper that runs it) in {@code dir}, finds the
   * supervisor's JVM by its working directory, and waits until it serves its control socket.
   */
  static HostLaunch start(ProcessBuilder builder, RunDirectory dir, Duration timeout) throws IOException {
    logs(dir);
    Process process = builder.directory(dir.path().toFile()).start();
    try {
      long pid = Poll.until("the supervisor of " + dir.path() + " running", timeout,
          () -> jvmIn(dir.path()));
      Poll.until("the control socket of " + dir.path(), timeout, () -> UnixSockets.accepting(dir.control()));
      return new HostLaunch(process, pid);
    } catch (AssertionError e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** The process the test started: the supervisor, or its wrapper. */
  Process process() {
    return process;
  }

  /** The supervisor's pid (its JVM: the launcher execs java). */
  long pid() {
    return supervisorPid;
  }

  /** Waits for the supervisor to exit; its exit code, or empty after {@code timeout}. */
  Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
    Poll.until("supervisor " + supervisorPid + " gone", timeout,
        () -> !Files.exists(Path.of("/proc", Long.toString(supervisorPid))));
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        ? Optional.of(process.exitValue()) : Optional.empty();
  }

  @Override
  public void close() throws InterruptedException {
    if (Files.exists(Path.of("/proc", Long.toString(supervisorPid)))) {
      ProcessHandle.of(supervisorPid).ifPresent(ProcessHandle::destroyForcibly);
    }
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** The java process whose working directory is {@code dir}: the supervisor (SPEC §2). */
  private static Optional<Long> jvmIn(Path dir) {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes.filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(p -> isJavaIn(p, dir))
          .map(p -> Long.parseLong(p.getFileName().toString()))
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean isJavaIn(Path proc, Path dir) {
    try {
      return Files.readString(proc.resolve("comm")).strip().equals("java")
          && Files.readSymbolicLink(proc.resolve("cwd")).equals(dir.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }
}
