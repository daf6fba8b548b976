package io.harpoon.supervisor.bootstrap.ctl;

import java.nio.file.Path;
import java.util.Objects;

/** One run directory of {@code ls}: what its supervisor said, or why it said nothing. */
sealed interface LsRow {

  Path directory();

  /** The row's part of {@code ls}'s exit code. */
  ExitCode exitCode();

  /** The supervisor answered. */
  record Answered(Path directory, Snapshot snapshot) implements LsRow {
    public Answered {
      Objects.requireNonNull(directory, "directory");
      Objects.requireNonNull(snapshot, "snapshot");
    }

    @Override
    public ExitCode exitCode() {
      return snapshot.health();
    }
  }

  /** No supervisor answered: no socket, a stale one, a timeout, not a supervisor. */
  record Unreachable(Path directory, CtlException problem) implements LsRow {
    public Unreachable {
      Objects.requireNonNull(directory, "directory");
      Objects.requireNonNull(problem, "problem");
    }

    @Override
    public ExitCode exitCode() {
      return problem.exitCode();
    }
  }
}
