package io.harpoon.supervisor.adapters.runtime;

import io.harpoon.supervisor.adapters.posix.CapturedOutput;
import io.harpoon.supervisor.adapters.posix.ContainerPipes;
import io.harpoon.supervisor.adapters.posix.NativeProcesses;
import io.harpoon.supervisor.adapters.posix.Output;
import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import io.harpoon.supervisor.domain.container.Signal;
import io.harpoon.supervisor.domain.container.WaitStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Runs the OCI runtime's command line ({@code runc} and {@code crun} take the same flags) as
 * children of {@link NativeProcesses}. Every command logs to a file as JSON ({@code --log}), which
 * is where its error messages are read from: a command whose output is the container's cannot have
 * its stderr captured. No command leaves a file outside the run directory.
 */
final class RuntimeCli {

  /** For commands only an abandoned start may end. */
  static final Duration NO_TIMEOUT = Duration.ofDays(365);

  private static final int MAX_STDOUT = 1 << 20;
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private final String binary;
  private final List<String> globalFlags;
  private final NativeProcesses processes;
  private final String relay;

  RuntimeCli(String binary, List<String> globalFlags, NativeProcesses processes) {
    this(binary, globalFlags, processes, ContainerPipes.RELAY);
  }

  /** With {@code relay} as the program that relays the container's output (a test's choice). */
  RuntimeCli(String binary, List<String> globalFlags, NativeProcesses processes, String relay) {
    this.binary = binary;
    this.globalFlags = List.copyOf(globalFlags);
    this.processes = processes;
    this.relay = relay;
  }

  /** The runtime's name for messages, e.g. {@code runc}. */
  String name() {
    return Path.of(binary).getFileName().toString();
  }

  /**
   * Runs a command whose stdout and stderr are the container's own pipes ({@link ContainerPipes}),
   * which the container inherits from {@code create} and two relay processes, started first, copy
   * to the supervisor's stdout and stderr; once the command has exited this process holds no end of
   * them. Its error messages are read from {@code log}, which is replaced by an empty file of mode
   * 0600 first: the runtime appends to an existing log ({@code O_APPEND}, no {@code O_TRUNC}) and
   * would create a missing one 0644.
   *
   * @throws RuntimeFailure (transient) also when the relays cannot be started; the command does
   *     not run then
   */
  RuntimeResult runWithContainerOutput(List<String> args, Path log, InFlight inFlight)
      throws RuntimeFailure {
    try {
      Files.deleteIfExists(log);
      Files.createFile(log, OWNER_ONLY);
    } catch (IOException e) {
      throw new RuntimeFailure("cannot replace " + log + ": " + e.getMessage(), e);
    }
    WaitStatus status;
    try (ContainerPipes pipes = openRelayed()) {
      status = run(args, log, pipes.stdout(), pipes.stderr(), inFlight, NO_TIMEOUT);
    }
    return new RuntimeResult(status, "", RuntimeMessages.fromJsonLog(log));
  }

  /**
   * Runs a command whose stdout, stderr and log are captured in memory ({@link CapturedOutput}:
   * nothing on disk, so nothing is left behind), ending it after {@code timeout}.
   */
  RuntimeResult runCaptured(List<String> args, InFlight inFlight, Duration timeout)
      throws RuntimeFailure {
    try (CapturedOutput out = CapturedOutput.open("runtime-stdout");
        CapturedOutput err = CapturedOutput.open("runtime-stderr");
        CapturedOutput log = CapturedOutput.open("runtime-log")) {
      WaitStatus status =
          run(args, log.path(), out.output(), err.output(), inFlight, timeout);
      List<String> errors = RuntimeMessages.fromJsonLog(log.path());
      List<String> messages = errors.isEmpty() ? RuntimeMessages.fromText(err.path()) : errors;
      return new RuntimeResult(status, read(out.path()), messages);
    } catch (IOException e) {
      throw new RuntimeFailure(name() + " " + args.get(0) + ": " + e.getMessage(), e);
    }
  }

  /** The container's pipes with their relays running. */
  private ContainerPipes openRelayed() throws RuntimeFailure {
    ContainerPipes pipes;
    try {
      pipes = ContainerPipes.open();
    } catch (IOException e) {
      throw new RuntimeFailure("cannot create the container's output pipes: " + e.getMessage(), e);
    }
    try {
      pipes.relay(processes, relay);
      return pipes;
    } catch (IOException e) {
      pipes.close();
      throw new RuntimeFailure(e.getMessage(), e);
    }
  }

  private List<String> argv(List<String> args, Path log) {
    List<String> argv = new ArrayList<>();
    argv.add(binary);
    argv.addAll(globalFlags);
    argv.addAll(List.of("--log", log.toString(), "--log-format", "json"));
    argv.addAll(args);
    return argv;
  }

  private WaitStatus run(
      List<String> args, Path log, Output out, Output err, InFlight inFlight, Duration timeout)
      throws RuntimeFailure {
    String command = name() + " " + args.get(0);
    List<String> argv = argv(args, log);
    int pid;
    try {
      pid = inFlight.track(() -> processes.spawn(argv, out, err));
    } catch (IOException e) {
      throw new RuntimeFailure(command + ": " + e.getMessage(), e);
    } catch (InFlight.Abandoned e) {
      throw new RuntimeFailure(command + " not run: the start was abandoned", e);
    }
    try {
      return await(pid, command, timeout);
    } finally {
      inFlight.untrack(pid);
    }
  }

  private WaitStatus await(int pid, String command, Duration timeout) throws RuntimeFailure {
    try {
      return processes.awaitExit(pid, timeout);
    } catch (InterruptedException e) {
      processes.signal(pid, Signal.KILL.number());
      Thread.currentThread().interrupt();
      throw new RuntimeFailure(command + " interrupted", e);
    } catch (TimeoutException e) {
      processes.signal(pid, Signal.KILL.number());
      throw new RuntimeFailure(command + " did not finish within " + timeout.toSeconds() + " s", e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.size(file) > MAX_STDOUT ? "" : Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
