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
 * The {@code posix_spawn} file actions for a child: stdin from {@code /dev/null}, stdout and stderr
 * as asked, and every other descriptor closed. The JVM opens its jars, sockets and files without
 * {@code O_CLOEXEC}, so without the closes a runtime command (and {@code runc init}, which waits
 * for {@code runc start} with runc's descriptors) would hold the control socket and the rest open.
 * A descriptor opened by another thread between the listing and the spawn can still slip through;
 * glibc ignores a close of a descriptor that is no longer open.
 *
 * <p>No spawn attributes are passed: jnr-posix allocates 128 bytes for them while glibc's {@code
 * posix_spawnattr_t} is 336, so {@code posix_spawnattr_init} would write past the buffer. The child
 * therefore keeps the JVM's signal mask (Java threads block nothing) and, as with any glibc {@code
 * posix_spawn} without {@code POSIX_SPAWN_SETSIGDEF}, leaves glibc's internal signals 32 and 33
 * ignored; handled signals are reset to their defaults.
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
          OpenFlags.O_WRONLY.intValue()
              | OpenFlags.O_CREAT.intValue()
              | OpenFlags.O_TRUNC.intValue();
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
