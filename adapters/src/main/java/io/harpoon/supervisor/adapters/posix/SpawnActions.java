package io.harpoon.supervisor.adapters.posix;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jnr.constants.platform.OpenFlags;
import jnr.posix.SpawnFileAction;

/**
 * The {@code posix_spawn} file actions for a child: stdin from {@code /dev/null}, stdout and stderr as
 * asked, and every other descriptor closed. The JVM opens its jars, sockets and files without {@code
 * O_CLOEXEC}, so without the closes a runtime command (and {@code runc init}, which waits for {@code
 * runc start} with runc's descriptors) would hold the control socket and the rest open. A descriptor
 * opened by another thread between the listing and the spawn can still slip through; glibc ignores
 * a close of a descriptor that is no longer open.
 */
final class SpawnActions {

  private static final Path OWN_FDS = Path.of("/proc/self/fd");
  private static final int MODE = 0600;

  private SpawnActions() {}

  /** File actions that close inherited descriptors and then set up fds 0, 1 and 2. */
  static List<SpawnFileAction> of(Output stdout, Output stderr) throws IOException {
    List<SpawnFileAction> actions = new ArrayList<>();
    for (int fd : openDescriptorsAbove2()) {
      actions.add(SpawnFileAction.close(fd));
    }
    actions.add(SpawnFileAction.open("/dev/null", 0, OpenFlags.O_RDONLY.intValue(), 0));
    redirect(stdout, 1, actions);
    redirect(stderr, 2, actions);
    return actions;
  }

  private static void redirect(Output output, int fd, List<SpawnFileAction> actions) {
    if (output instanceof Output.ToFile) {
      String path = ((Output.ToFile) output).file().toString();
      int flags =
          OpenFlags.O_WRONLY.intValue() | OpenFlags.O_CREAT.intValue() | OpenFlags.O_TRUNC.intValue();
      actions.add(SpawnFileAction.open(path, fd, flags, MODE));
    }
  }

  private static List<Integer> openDescriptorsAbove2() throws IOException {
    List<Integer> fds = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(OWN_FDS)) {
      for (Path entry : entries) {
        int fd = Integer.parseInt(entry.getFileName().toString());
        if (fd > 2) {
          fds.add(fd);
        }
      }
    }
    return fds;
  }
}
