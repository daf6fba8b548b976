package io.harpoon.supervisor.adapters.journal;

import io.harpoon.supervisor.adapters.json.Json;
import io.harpoon.supervisor.application.port.out.StateJournal;
import io.harpoon.supervisor.application.port.out.SupervisorLog;
import io.harpoon.supervisor.domain.lifecycle.Checkpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * {@link StateJournal} as {@code RUNDIR/state.json} (format: {@link JournalJson}), mode 0600.
 *
 * <p>Each record survives a crash of the supervisor: the JSON goes to {@code state.json.tmp}, which is
 * renamed over {@code state.json} (rename(2) is atomic), so a reader sees the old or the new entry,
 * never a torn one. A crash can leave {@code state.json.tmp} behind; the next record replaces it.
 *
 * <p>Nothing is fsynced. The journal is for a successor supervisor on the same host taking over a
 * container that outlived its supervisor; a host crash ends the container too, and then there is
 * nothing to take over (an unreadable or stale entry only makes the successor ask the runtime). The
 * two fsyncs cost 1–12 ms on every state change, before the state reaches the clients.
 */
public final class FileStateJournal implements StateJournal {

  /** The journal's file name in the run directory. */
  public static final String FILE_NAME = "state.json";

  private static final String TEMP_NAME = FILE_NAME + ".tmp";
  private static final long MAX_BYTES = 1 << 20;

  private final Path file;
  private final Path temp;
  private final SupervisorLog log;

  /** A journal in {@code runDir}; failures to write are reported to {@code log}. */
  public FileStateJournal(Path runDir, SupervisorLog log) {
    Path dir = runDir.toAbsolutePath();
    this.file = dir.resolve(FILE_NAME);
    this.temp = dir.resolve(TEMP_NAME);
    this.log = log;
  }

  @Override
  public synchronized void record(Checkpoint checkpoint) {
    try {
      write(JournalJson.encode(checkpoint));
    } catch (IOException | RuntimeException failed) {
      log.warn("could not record the state in " + file + ": " + failed.getMessage());
    }
  }

  @Override
  public Optional<Checkpoint> last() {
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
        return Optional.empty();
      }
      JournalJson json = Json.mapper().readValue(Files.readAllBytes(file), JournalJson.class);
      return json == null ? Optional.empty() : json.toCheckpoint();
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  private void write(byte[] json) throws IOException {
    Files.deleteIfExists(temp);
    try (FileChannel out =
        FileChannel.open(
            temp,
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
      ByteBuffer bytes = ByteBuffer.wrap(json);
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
  }
}
