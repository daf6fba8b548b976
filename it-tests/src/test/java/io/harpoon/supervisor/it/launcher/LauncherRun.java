package io.harpoon.supervisor.it.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a launcher script to its end: exit code, stdout and stderr.
 *
 * @param exit the exit code
 * @param stdout what it printed on stdout
 * @param stderr what it printed on stderr
 */
record LauncherRun(int exit, String stdout, String stderr) {

  /** The distribution under test: the one bootstrap assembled in this build. */
  static Path distribution() {
    return Path.of(System.getProperty("harpoon.dist", "../bootstrap/target/dist")).toAbsolutePath()
        .normalize();
  }

  /**
   * Runs {@code launcher args} with the environment of this JVM less the launchers' own variables,
   * plus {@code env}, and waits up to 60 s for its end.
   */
  static LauncherRun of(Path launcher, Map<String, String> env, List<String> args, Path directory)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(launcher.toString());
    builder.command().addAll(args);
    builder.directory(directory.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("HARPOON"));
    builder.environment().putAll(env);
    Path out = Files.createTempFile("launcher", ".out");
    Path err = Files.createTempFile("launcher", ".err");
    try {
      builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new IOException(launcher + " " + args + " did not end within 60 s");
      }
      return new LauncherRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
