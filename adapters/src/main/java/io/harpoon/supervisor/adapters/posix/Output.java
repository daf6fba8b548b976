package io.harpoon.supervisor.adapters.posix;

import java.nio.file.Path;
import java.util.Objects;

/** Where a spawned process's stdout or stderr goes. */
public sealed interface Output {

  /** The supervisor's own descriptor: what the process writes is the supervisor's output. */
  Output INHERIT = new Inherit();

  /** A file, truncated first, that the caller reads once the process has exited. */
  static Output toFile(Path file) {
    return new ToFile(file);
  }

  /** Shares the supervisor's descriptor. */
  record Inherit() implements Output {}

  /** Writes to {@code file}. */
  record ToFile(Path file) implements Output {
    public ToFile {
      Objects.requireNonNull(file, "file");
    }
  }
}
