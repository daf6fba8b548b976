package io.harpoon.supervisor.bootstrap.ctl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A parsed {@code harpoonctl} command line.
 *
 * @param action what to do
 * @param directory the run directory; the socket is {@code directory/control}
 * @param json {@code status --json}: print the state's JSON as received
 * @param raw {@code watch --raw}: print the event stream as received
 * @param await {@code stop/kill --wait}: wait until the container is down for good
 * @param timeout how long to wait for the outcome (see {@link Action#defaultTimeout})
 */
record CtlOptions(
    Action action, Path directory, boolean json, boolean raw, boolean await, Duration timeout) {

  static final String JSON = "json";
  static final String RAW = "raw";
  static final String WAIT = "wait";

  /** The socket's name in the run directory (SPEC §5). */
  static final String SOCKET_NAME = "control";

  CtlOptions {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** The control socket, relative when the directory is (short paths fit sun_path's 107 bytes). */
  Path socket() {
    return directory.resolve(SOCKET_NAME);
  }
}
