package io.harpoon.supervisor.it.container;

import com.github.dockerjava.api.command.InspectExecResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A process started in the container by {@link DockerSupervisorHost#spawn}, seen as a {@link
 * Process} so code written for local processes can wait for it and read its exit code. Its stdout
 * and stderr go to files (like {@code ProcessBuilder.Redirect.to}), so the streams here are empty.
 *
 * <p>The exit code is Docker's for the exec: the process's own code, or 128 + the signal number
 * when a signal ended it (as {@link Process#exitValue()} reports it for local processes). {@link
 * #pid()} is the pid inside the container's pid namespace: the one {@code kill} and {@code /proc}
 * take there.
 */
public final class ContainerProcess extends Process {

  private static final long POLL_MILLIS = 20;
  private static final Duration PID_TIMEOUT = Duration.ofSeconds(10);

  private final DockerSupervisorHost host;
  private final String execId;
  private final String pidFile;
  private volatile Integer exitCode;
  private volatile long pid = -1;

  ContainerProcess(DockerSupervisorHost host, String execId, String pidFile) {
    this.host = host;
    this.execId = execId;
    this.pidFile = pidFile;
  }

  /** The pid inside the container, which the wrapper shell wrote before it exec'd the command. */
  @Override
  public long pid() {
    if (pid < 0) {
      pid = readPid();
    }
    return pid;
  }

  /** Sends a signal by name ({@code TERM}, {@code INT}, {@code KILL}) with the container's kill. */
  public ExecResult signal(String name) {
    return host.exec("kill", "-s", name, Long.toString(pid()));
  }

  @Override
  public int waitFor() throws InterruptedException {
    while (!finished()) {
      Thread.sleep(POLL_MILLIS);
    }
    return exitCode;
  }

  @Override
  public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (!finished()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
    }
    return true;
  }

  @Override
  public int exitValue() {
    if (!finished()) {
      throw new IllegalThreadStateException("process " + execId + " has not exited");
    }
    return exitCode;
  }

  @Override
  public boolean isAlive() {
    return !finished();
  }

  /** SIGTERM in the container. */
  @Override
  public void destroy() {
    if (isAlive()) {
      signal("TERM");
    }
  }

  /** SIGKILL in the container. */
  @Override
  public Process destroyForcibly() {
    if (isAlive()) {
      signal("KILL");
    }
    return this;
  }

  @Override
  public OutputStream getOutputStream() {
    return OutputStream.nullOutputStream();
  }

  @Override
  public InputStream getInputStream() {
    return InputStream.nullInputStream();
  }

  @Override
  public InputStream getErrorStream() {
    return InputStream.nullInputStream();
  }

  private boolean finished() {
    if (exitCode != null) {
      return true;
    }
    InspectExecResponse exec = host.docker().inspectExecCmd(execId).exec();
    if (Boolean.TRUE.equals(exec.isRunning()) || exec.getExitCodeLong() == null) {
      return false;
    }
    exitCode = exec.getExitCodeLong().intValue();
    return true;
  }

  private long readPid() {
    long deadline = System.nanoTime() + PID_TIMEOUT.toNanos();
    while (true) {
      ExecResult cat = host.exec("cat", pidFile);
      if (cat.succeeded() && !cat.stdout().isBlank()) {
        return Long.parseLong(cat.stdout().strip());
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError("no pid in " + pidFile + " within " + PID_TIMEOUT + ": " + cat);
      }
      sleepQuietly();
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public String toString() {
    return "ContainerProcess[exec=" + execId + ", pidFile=" + pidFile + "]";
  }
}
