package io.harpoon.supervisor.bootstrap.ctl;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One in-process run of {@code harpoonctl}: its exit code and everything it printed.
 *
 * @param exitCode what the process would exit with
 * @param out standard output
 * @param err standard error
 */
record CtlRun(ExitCode exitCode, String out, String err) {

  /** The clock of every run: watch lines are stamped with it. */
  static final Instant NOW = Instant.parse("2026-11-28T05:46:40.123Z");

  /** Runs {@code harpoonctl --dir DIR args...}. */
  static CtlRun in(Path dir, String... args) {
    List<String> all = new ArrayList<>(List.of("--dir", dir.toString()));
    all.addAll(List.of(args));
    return of(all.toArray(new String[0]));
  }

  /** Runs {@code harpoonctl args...}. */
  static CtlRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ExitCode code;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = new HarpoonCtl(outStream, errStream, Clock.fixed(NOW, ZoneOffset.UTC)).run(args);
    }
    return new CtlRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
