package io.harpoon.supervisor.adapters.config;

import io.harpoon.supervisor.application.port.out.ConfigLoad;
import io.harpoon.supervisor.application.port.out.ConfigSource;
import io.harpoon.supervisor.domain.container.ConfigDraft;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads {@code RUNDIR/agent.json} and checks {@code RUNDIR/rootfs}. Never throws: an unreadable,
 * oversized or malformed file, a field of the wrong type and a bad rootfs each become one line in
 * {@link ConfigLoad#problems()}, and the draft keeps defaults where values could not be read.
 */
public final class JsonFileConfigSource implements ConfigSource {

  /** The largest agent.json read; a config is a few hundred bytes. */
  public static final int MAX_FILE_BYTES = 1 << 20;

  private final Path runDirectory;

  /** Reads from {@code runDirectory} (the supervisor's working directory in production). */
  public JsonFileConfigSource(Path runDirectory) {
    this.runDirectory = Objects.requireNonNull(runDirectory, "runDirectory");
  }

  @Override
  public ConfigLoad load() {
    List<String> problems = new ArrayList<>();
    ConfigDraft draft =
        read(runDirectory.resolve("agent.json"), problems)
            .map(bytes -> decode(bytes, problems))
            .orElse(ConfigDraft.EMPTY);
    checkRootfs(runDirectory.resolve("rootfs"), problems);
    return new ConfigLoad(draft, problems);
  }

  /**
   * agent.json's bytes as a draft, without the file system: what {@link #load()} does once the file
   * is read. Never throws; {@link ConfigDraft#EMPTY} when the bytes are not a JSON object.
   */
  static ConfigDraft decode(byte[] bytes, List<String> problems) {
    return AgentJsonParser.parse(bytes, problems)
        .map(root -> AgentJsonDecoder.decode(root, problems))
        .orElse(ConfigDraft.EMPTY);
  }

  /**
   * The file's bytes, at most {@link #MAX_FILE_BYTES}. Only a regular file is opened: opening a
   * FIFO put in its place would block the supervisor.
   */
  private static Optional<byte[]> read(Path file, List<String> problems) {
    if (!Files.isRegularFile(file)) {
      String what = Files.exists(file) ? " is not a regular file" : " does not exist";
      problems.add("agent.json: " + file + what);
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
      if (bytes.length > MAX_FILE_BYTES) {
        problems.add("agent.json: larger than " + MAX_FILE_BYTES + " bytes");
        return Optional.empty();
      }
      return Optional.of(bytes);
    } catch (NoSuchFileException e) {
      problems.add("agent.json: " + file + " does not exist");
    } catch (AccessDeniedException e) {
      problems.add("agent.json: permission denied reading " + file);
    } catch (IOException e) {
      problems.add("agent.json: cannot read " + file + ": " + e.getMessage());
    }
    return Optional.empty();
  }

  /** SPEC §2: rootfs is a directory or a symlink to one (followed, as the runtime will). */
  private static void checkRootfs(Path rootfs, List<String> problems) {
    if (!Files.exists(rootfs, LinkOption.NOFOLLOW_LINKS)) {
      problems.add("rootfs: " + rootfs + " does not exist");
    } else if (!Files.exists(rootfs)) {
      problems.add("rootfs: " + rootfs + " is a symlink to nothing");
    } else if (!Files.isDirectory(rootfs)) {
      problems.add("rootfs: " + rootfs + " is not a directory");
    }
  }
}
