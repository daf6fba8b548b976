package io.harpoon.supervisor.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A started supervisor: its process handle, its pid as the environment sees it (for signals and /proc),
 * and the files that capture its stdout and stderr.
 */
public final class SupervisorProcess {

  private final Process process;
  private final long pid;
  private final Environment environment;
  private final Path stdout;
  private final Path stderr;

  /**
   * @param process the local handle whose exit code is the supervisor's
   * @param pid the supervisor's pid in the environment
   */
  public SupervisorProcess(Process process, long pid, Environment environment, Path stdout, Path stderr) {
    this.process = process;
    this.pid = pid;
    this.environment = environment;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  public long pid() {
    return pid;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Sends a signal by name ({@code TERM}, {@code INT}, {@code KILL}) to the supervisor. */
  public void signal(String name) {
    CommandResult result = environment.run("kill", "-s", name, Long.toString(pid));
    if (!result.succeeded() && process.isAlive()) {
      throw new AssertionError("kill -s " + name + " " + pid + " failed: " + result);
    }
  }

  /** Waits for the supervisor to exit and returns its exit code; fails after {@code timeout}. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("supervisor " + pid + " still running after " + timeout
            + "; stderr:\n" + stderr());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Waits until something accepts connections on {@code control}; fails if the supervisor exits first. */
  public void awaitControlSocket(Path control, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!UnixSockets.accepting(control)) {
      if (!process.isAlive()) {
        throw new AssertionError("supervisor exited with " + process.exitValue()
            + " before serving " + control + "; stderr:\n" + stderr());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no control socket at " + control + " within " + timeout
            + "; stderr:\n" + stderr());
      }
      UnixSockets.pause();
    }
  }

  /**
   * Waits until the container has printed {@code marker} at least {@code times} times on its stdout,
   * which is the supervisor's (SPEC §7): how a workload says it has installed its signal handlers.
   */
  public void awaitOutput(String marker, int times, Duration timeout) {
    Poll.until("'" + marker + "' printed " + times + " times by the container", timeout,
        () -> stdout().split(java.util.regex.Pattern.quote(marker), -1).length - 1 >= times);
  }

  /** SIGKILL, then waits briefly for the process to go; used by clean-up and crash scenarios. */
  public void killHard() {
    if (process.isAlive()) {
      environment.run("kill", "-s", "KILL", Long.toString(pid));
      process.destroyForcibly();
      awaitExit(Duration.ofSeconds(10));
    }
  }

  public String stdout() {
    return read(stdout);
  }

  /** The file that captures the supervisor's stdout (the container's stdout). */
  public Path stdoutFile() {
    return stdout;
  }

  /** The file that captures the supervisor's stderr (its log and the container's stderr). */
  public Path stderrFile() {
    return stderr;
  }

  public String stderr() {
    return read(stderr);
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }
}
