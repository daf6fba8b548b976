package io.harpoon.supervisor.bootstrap.ctl;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Objects;

/**
 * Where {@code harpoonctl} writes: results to {@code out}, diagnostics to {@code err} (prefixed
 * with the program's name), and the clock that stamps {@code watch} lines.
 */
record Console(PrintStream out, PrintStream err, Clock clock) {

  Console {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(clock, "clock");
  }

  /** One result line, flushed at once: {@code watch} output may go to a pipe. */
  void result(String line) {
    out.println(line);
    out.flush();
  }

  /** Text that already ends its lines. */
  void text(String text) {
    out.print(text);
    out.flush();
  }

  /** Raw bytes, flushed at once. */
  void bytes(ByteBuffer bytes) {
    byte[] copy = new byte[bytes.remaining()];
    bytes.get(copy);
    out.write(copy, 0, copy.length);
    out.flush();
  }

  /** A diagnostic line: {@code harpoonctl: message}. */
  void problem(String message) {
    err.println(CtlCommandLine.PROGRAM + ": " + message);
    err.flush();
  }
}
