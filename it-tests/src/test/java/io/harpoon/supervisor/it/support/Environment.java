package io.harpoon.supervisor.it.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the supervisor under test runs: on this host, or (added later) inside a privileged container.
 * The scenarios only talk to it through this interface, the run directory and the control socket, so
 * every environment runs the same scenarios.
 *
 * <p>Contract: a run directory created by the test under {@link #runBase()} is visible to the supervisor
 * at the same path, and so is its {@code control} socket.
 *
 * <p>Closing it releases what it started (a container); the suite closes it after its last scenario.
 */
public interface Environment extends AutoCloseable {

  /**
   * What a scenario may need beyond the supervisor, a run directory and helper commands, which an
   * environment may lack by design (not by a missing install: those are {@link #missingPrerequisites}).
   */
  enum Feature {
    /** A client of the control socket running as another user: setpriv and java beside the supervisor. */
    OTHER_USER_CLIENT
  }

  /** A short name for messages, e.g. {@code native}. */
  String name();

  /** What is missing to run the suite here (not root, no runc, ...); empty when everything is there. */
  List<String> missingPrerequisites();

  /**
   * Why this environment does not offer {@code feature}; empty when it does. A scenario that needs it
   * is skipped with this reason, under CI too: the environment is as designed, nothing is missing.
   */
  Optional<String> lacks(Feature feature);

  /** Whether a tool (e.g. {@code socat}) can be run by {@link #run}. */
  boolean hasTool(String tool);

  /** The directory under which run directories are created; kept short for unix socket paths. */
  Path runBase();

  /** The {@code java} that runs beside the supervisor (for {@link PeerProbe}). */
  Path java();

  /** The static busybox copied into each container's rootfs. */
  Path busybox();

  /**
   * Starts {@code harpoon-supervisor arguments...} with {@code runDirectory} as its working directory,
   * its stdout and stderr going to the given files. Does not wait for anything.
   */
  default SupervisorProcess start(Path runDirectory, List<String> arguments, Path stdout, Path stderr)
      throws IOException {
    return start(runDirectory, List.of(), arguments, stdout, stderr);
  }

  /**
   * As {@link #start(Path, List, Path, Path)}, run through {@code wrapper}: a command that ends by
   * exec'ing the rest of its arguments (the launcher and its arguments), so the pid stays the
   * supervisor's. E.g. a shell that sets a signal disposition first.
   */
  SupervisorProcess start(Path runDirectory, List<String> wrapper, List<String> arguments, Path stdout,
      Path stderr) throws IOException;

  /** Runs a command beside the supervisor (same kernel view: runc, kill, /proc), bounded by timeout. */
  CommandResult run(Duration timeout, List<String> command);

  /** Shorthand for {@link #run(Duration, List)} with 10 seconds. */
  default CommandResult run(String... command) {
    return run(Duration.ofSeconds(10), List.of(command));
  }

  /** Releases what the environment started; nothing by default. */
  @Override
  default void close() {}
}
