package io.harpoon.supervisor.it.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code docker exec} run to completion with its output collected. The command runs under
 * busybox's {@code timeout}, so one that outlives our deadline does not linger in the container.
 */
final class ContainerExec extends ResultCallback.Adapter<Frame> {

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  private ContainerExec() {}

  static ExecResult run(
      DockerClient docker, String containerId, Duration timeout, List<String> command) {
    long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
    List<String> bounded =
        new ArrayList<>(List.of("timeout", "-s", "KILL", Long.toString(seconds + 1)));
    bounded.addAll(command);
    String execId =
        docker
            .execCreateCmd(containerId)
            .withCmd(bounded.toArray(String[]::new))
            .withAttachStdout(true)
            .withAttachStderr(true)
            .exec()
            .getId();
    ContainerExec exec = docker.execStartCmd(execId).exec(new ContainerExec());
    try {
      if (!exec.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        exec.closeQuietly();
        return exec.result(ExecResult.TIMED_OUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
    Long code = docker.inspectExecCmd(execId).exec().getExitCodeLong();
    return exec.result(code == null ? ExecResult.TIMED_OUT : code.intValue());
  }

  @Override
  public void onNext(Frame frame) {
    ByteArrayOutputStream target = frame.getStreamType() == StreamType.STDERR ? stderr : stdout;
    synchronized (target) {
      target.writeBytes(frame.getPayload());
    }
  }

  private ExecResult result(int exitCode) {
    synchronized (stdout) {
      synchronized (stderr) {
        return new ExecResult(
            exitCode,
            stdout.toString(StandardCharsets.UTF_8),
            stderr.toString(StandardCharsets.UTF_8));
      }
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      // The attach stream is being abandoned anyway; busybox's timeout ends the command.
    }
  }
}
