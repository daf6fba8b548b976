package io.harpoon.supervisor.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The supervisor runs on this host, as the user running the tests (root), with the runtime on PATH.
 * The distribution comes from the system property {@code harpoon.dist} that failsafe sets.
 */
public final class HostEnvironment implements Environment {

  private static final Path RUN_BASE = Path.of("/tmp/hs-it");
  private static final Path BUSYBOX = Path.of("/bin/busybox");

  private final Path launcher;

  /** @param distribution the directory holding {@code bin/harpoon-supervisor} and {@code lib/} */
  public HostEnvironment(Path distribution) {
    this.launcher = distribution.resolve("bin/harpoon-supervisor").toAbsolutePath().normalize();
  }

  /** The distribution named by {@code -Dharpoon.dist}, or the reactor's when run from an IDE. */
  public static HostEnvironment fromSystemProperty() {
    return new HostEnvironment(Path.of(System.getProperty("harpoon.dist", "../bootstrap/target/dist")));
  }

  @Override
  public String name() {
    return "native";
  }

  @Override
  public List<String> missingPrerequisites() {
    List<String> missing = new ArrayList<>();
    if (!isRoot()) {
      missing.add("not running as root (the supervisor creates namespaces and cgroups)");
    }
    if (!hasTool("runc")) {
      missing.add("no runc on PATH");
    }
    if (!Files.isRegularFile(BUSYBOX)) {
      missing.add("no " + BUSYBOX + " (install busybox-static)");
    }
    if (!Files.isExecutable(launcher)) {
      missing.add("no distribution at " + launcher + " (run mvn package first)");
    }
    return missing;
  }

  /** Everything a scenario may need is on this host once the prerequisites are installed. */
  @Override
  public Optional<String> lacks(Feature feature) {
    return Optional.empty();
  }

  @Override
  public boolean hasTool(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Path runBase() {
    return RUN_BASE;
  }

  @Override
  public Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  @Override
  public Path busybox() {
    return BUSYBOX;
  }

  @Override
  public SupervisorProcess start(Path runDirectory, List<String> wrapper, List<String> arguments,
      Path stdout, Path stderr) throws IOException {
    List<String> command = new ArrayList<>(wrapper);
    command.add(launcher.toString());
    command.addAll(arguments);
    Process process = new ProcessBuilder(command)
        .directory(runDirectory.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .start();
    // The launcher execs java, so the launcher's pid is the supervisor's.
    return new SupervisorProcess(process, process.pid(), this, stdout, stderr);
  }

  @Override
  public CommandResult run(Duration timeout, List<String> command) {
    try {
      Path out = Files.createTempFile("hs-it-cmd", ".out");
      Path err = Files.createTempFile("hs-it-cmd", ".err");
      try {
        Process process = new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
          process.destroyForcibly().waitFor();
        }
        return new CommandResult(done ? process.exitValue() : CommandResult.TIMED_OUT,
            read(out), read(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      return new CommandResult(127, "", "cannot run " + command + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  private static boolean isRoot() {
    try {
      // /proc/self belongs to the effective uid of the process that looks at it (proc(5)).
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
