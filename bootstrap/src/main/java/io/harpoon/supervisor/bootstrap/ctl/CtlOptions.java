package io.harpoon.supervisor.bootstrap.ctl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A parsed {@code harpoonctl} command line.
 *
 * @param action what to do
 * @param directories the run directories: {@code --dir} (or {@code .}) for every command but {@code
 *     ls}, which takes its own list
 * @param flags the command-specific switches given
 * @param timeout how long to wait for the outcome (see {@link Action#defaultTimeout}); for {@code
 *     ls}, for each supervisor
 */
record CtlOptions(Action action, List<Path> directories, Flags flags, Duration timeout) {

  static final String JSON = "json";
  static final String RAW = "raw";
  static final String WAIT = "wait";
  static final String SAMPLES = "samples";

  /** The socket's name in the run directory (SPEC §5). */
  static final String SOCKET_NAME = "control";

  /**
   * The switches.
   *
   * @param json {@code status --json}, {@code ls --json}: JSON instead of words
   * @param raw {@code watch --raw}: the event stream as received
   * @param await {@code stop/kill --wait} (or {@code --timeout}): wait until it is down for good
   * @param samples {@code watch --samples}: every state, metrics samples too
   */
  record Flags(boolean json, boolean raw, boolean await, boolean samples) {}

  CtlOptions {
    Objects.requireNonNull(action, "action");
    directories = List.copyOf(directories);
    Objects.requireNonNull(flags, "flags");
    Objects.requireNonNull(timeout, "timeout");
    if (directories.isEmpty()) {
      throw new IllegalArgumentException("no run directory");
    }
  }

  /** The run directory of a command on one supervisor. */
  Path directory() {
    return directories.get(0);
  }

  /** The control socket, relative when the directory is (short paths fit sun_path's 107 bytes). */
  Path socket() {
    return socketOf(directory());
  }

  static Path socketOf(Path directory) {
    return directory.resolve(SOCKET_NAME);
  }

  boolean json() {
    return flags.json();
  }

  boolean raw() {
    return flags.raw();
  }

  boolean await() {
    return flags.await();
  }

  boolean samples() {
    return flags.samples();
  }
}
