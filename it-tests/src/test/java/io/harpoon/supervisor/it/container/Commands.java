package io.harpoon.supervisor.it.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short command of this machine (ldd, busybox) while the image is assembled. */
final class Commands {

  /**
   * @param exitCode the command's exit code
   * @param output its stdout and stderr, merged
   */
  record Result(int exitCode, String output) {}

  private Commands() {}

  /** Runs the command to completion (at most 30 s) and returns its exit code and output. */
  static Result run(String... command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(List.of(command) + " did not finish within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + List.of(command), e);
    }
    return new Result(process.exitValue(), output);
  }

  /** The output of a command that must succeed. */
  static String output(String... command) throws IOException {
    Result result = run(command);
    if (result.exitCode() != 0) {
      throw new IOException(
          List.of(command) + " failed (" + result.exitCode() + "): " + result.output().strip());
    }
    return result.output();
  }
}
