package io.harpoon.supervisor.adapters.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * {@code RUNDIR/control.lock}, locked for the supervisor's whole life (as s6-supervise keeps its lock):
 * whoever holds it owns the run directory. It decides whether a {@code control} socket found at start is
 * stale — its owner would hold the lock — instead of a connect probe whose answer can change before the
 * file is replaced. The kernel drops the lock when the process ends, however it ends, so a crash never
 * leaves it held. The file stays (removing it would let two supervisors lock two different inodes); it
 * holds the owner's pid for an operator's eyes only.
 */
final class SupervisorLock implements AutoCloseable {

  static final String FILE_NAME = "control.lock";

  private final FileChannel channel;

  private SupervisorLock(FileChannel channel) {
    this.channel = channel;
  }

  /**
   * Locks {@code runDir}'s lock file, creating it (mode 0600, never through a symlink).
   *
   * @throws ControlSocketTakenException when another process holds it
   */
  static SupervisorLock acquire(Path runDir) throws IOException {
    Path file = runDir.resolve(FILE_NAME);
    FileChannel channel = FileChannel.open(file,
        Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException heldHere) {
      lock = null;
    } catch (IOException | RuntimeException failed) {
      channel.close();
      throw failed;
    }
    if (lock == null) {
      channel.close();
      throw new ControlSocketTakenException("another supervisor owns " + runDir + " (it holds " + file + ")");
    }
    SupervisorLock held = new SupervisorLock(channel);
    held.recordOwner();
    return held;
  }

  /** Lets the lock go; the process's exit does the same. */
  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing drops the lock whatever close reports.
    }
  }

  private void recordOwner() throws IOException {
    channel.truncate(0);
    ByteBuffer pid = ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII));
    while (pid.hasRemaining()) {
      channel.write(pid, channel.position());
      channel.position(channel.position() + pid.position());
    }
  }
}
