package io.harpoon.supervisor.adapters.posix;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code posix_spawn} file actions for a child, as data: stdin from {@code /dev/null} (or, for
 * the relays of a container's output, a pipe's read end), stdout and stderr as asked, and every
 * other descriptor closed. The JVM opens its jars, sockets and files
 * without {@code O_CLOEXEC}, so without the closes a runtime command (and {@code runc init}, which
 * waits for {@code runc start} with runc's descriptors, and so the container) would hold the
 * control socket and the rest open. A descriptor opened by another thread between the listing and
 * the spawn can still slip through, unless it is {@code O_CLOEXEC} as every one of this package is;
 * glibc ignores a close of a descriptor that is no longer open.
 *
 * <p>The order matters, as the actions run one after the other in the child: sources are moved out
 * of 0..2 first (only when the supervisor was started with a standard stream closed, so that a pipe
 * got one of those numbers, or when a child's stdout is the supervisor's stderr), then 0, 1 and 2
 * are set, and only then is the rest closed.
 */
final class SpawnActions {

  private static final Path OWN_FDS = Path.of("/proc/self/fd");
  private static final int O_RDONLY = 0;

  /** For {@link #of(int, Output, Output)}: stdin from {@code /dev/null}, as all but the relays. */
  static final int DEV_NULL = -1;

  private SpawnActions() {}

  /** One step the child takes before it executes the command. */
  sealed interface Action permits Open, Dup2, Close {}

  /** {@code open(path, flags, mode)} as {@code fd}. */
  record Open(int fd, String path, int flags, int mode) implements Action {}

  /** {@code dup2(fd, target)}. */
  record Dup2(int fd, int target) implements Action {}

  /** {@code close(fd)}. */
  record Close(int fd) implements Action {}

  /**
   * The actions for a child of this process, whose open descriptors are listed now: stdin from
   * {@code stdin}, one of this process's descriptors, or {@link #DEV_NULL}.
   */
  static List<Action> of(int stdin, Output stdout, Output stderr) throws IOException {
    return plan(stdin, stdout, stderr, openDescriptors());
  }

  /** The actions for a child with stdin from {@code /dev/null} of a process with {@code open}. */
  static List<Action> plan(Output stdout, Output stderr, List<Integer> open) {
    return plan(DEV_NULL, stdout, stderr, open);
  }

  /** The actions for a child of a process whose descriptors are {@code open}. */
  static List<Action> plan(int stdin, Output stdout, Output stderr, List<Integer> open) {
    List<Action> actions = new ArrayList<>();
    int spare = open.stream().mapToInt(Integer::intValue).max().orElse(2) + 1;
    int out = source(descriptorOf(stdout), spare, actions);
    int err = source(descriptorOf(stderr), spare + 1, actions);
    int in = source(stdin, spare + 2, actions);
    if (in < 0) {
      actions.add(new Open(0, "/dev/null", O_RDONLY, 0));
    }
    redirect(in, 0, actions);
    redirect(out, 1, actions);
    redirect(err, 2, actions);
    for (int fd : open) {
      if (fd > 2) {
        actions.add(new Close(fd));
      }
    }
    for (int fd = spare; fd < spare + 3; fd++) {
      if (fd == out || fd == err || fd == in) {
        actions.add(new Close(fd));
      }
    }
    return actions;
  }

  private static int descriptorOf(Output output) {
    return output instanceof Output.Descriptor ? ((Output.Descriptor) output).fd() : -1;
  }

  /** The descriptor to dup onto a standard one, moved to {@code spare} if it is one of 0..2. */
  private static int source(int fd, int spare, List<Action> actions) {
    if (fd < 0 || fd > 2) {
      return fd;
    }
    actions.add(new Dup2(fd, spare));
    return spare;
  }

  private static void redirect(int source, int target, List<Action> actions) {
    if (source >= 0) {
      actions.add(new Dup2(source, target));
    }
  }

  private static List<Integer> openDescriptors() throws IOException {
    List<Integer> fds = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(OWN_FDS)) {
      for (Path entry : entries) {
        fds.add(Integer.parseInt(entry.getFileName().toString()));
      }
    }
    return fds;
  }
}
