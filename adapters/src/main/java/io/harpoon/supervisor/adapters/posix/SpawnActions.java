package io.harpoon.supervisor.adapters.posix;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code posix_spawn} file actions for a child, as data: stdin from {@code /dev/null}, stdout
 * and stderr as asked, and every other descriptor closed. The JVM opens its jars, sockets and files
 * without {@code O_CLOEXEC}, so without the closes a runtime command (and {@code runc init}, which
 * waits for {@code runc start} with runc's descriptors, and so the container) would hold the
 * control socket and the rest open. A descriptor opened by another thread between the listing and
 * the spawn can still slip through, unless it is {@code O_CLOEXEC} as every one of this package is;
 * glibc ignores a close of a descriptor that is no longer open.
 *
 * <p>The order matters, as the actions run one after the other in the child: sources are moved out
 * of 0..2 first (only when the supervisor was started with a standard stream closed, so that a pipe
 * got one of those numbers), then 0, 1 and 2 are set, and only then is the rest closed.
 */
final class SpawnActions {

  private static final Path OWN_FDS = Path.of("/proc/self/fd");
  private static final int O_RDONLY = 0;

  private SpawnActions() {}

  /** One step the child takes before it executes the command. */
  sealed interface Action permits Open, Dup2, Close {}

  /** {@code open(path, flags, mode)} as {@code fd}. */
  record Open(int fd, String path, int flags, int mode) implements Action {}

  /** {@code dup2(fd, target)}. */
  record Dup2(int fd, int target) implements Action {}

  /** {@code close(fd)}. */
  record Close(int fd) implements Action {}

  /** The actions for a child of this process, whose open descriptors are listed now. */
  static List<Action> of(Output stdout, Output stderr) throws IOException {
    return plan(stdout, stderr, openDescriptors());
  }

  /** The actions for a child of a process whose descriptors are {@code open}. */
  static List<Action> plan(Output stdout, Output stderr, List<Integer> open) {
    List<Action> actions = new ArrayList<>();
    int spare = open.stream().mapToInt(Integer::intValue).max().orElse(2) + 1;
    int out = source(stdout, spare, actions);
    int err = source(stderr, spare + 1, actions);
    actions.add(new Open(0, "/dev/null", O_RDONLY, 0));
    redirect(out, 1, actions);
    redirect(err, 2, actions);
    for (int fd : open) {
      if (fd > 2) {
        actions.add(new Close(fd));
      }
    }
    for (int fd = spare; fd < spare + 2; fd++) {
      if (fd == out || fd == err) {
        actions.add(new Close(fd));
      }
    }
    return actions;
  }

  /** The descriptor to dup onto the standard one, moved to {@code spare} if it is one of 0..2. */
  private static int source(Output output, int spare, List<Action> actions) {
    if (!(output instanceof Output.Descriptor)) {
      return -1;
    }
    int fd = ((Output.Descriptor) output).fd();
    if (fd > 2) {
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
