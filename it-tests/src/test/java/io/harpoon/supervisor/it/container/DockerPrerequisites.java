package io.harpoon.supervisor.it.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * Whether the container suite can run here: a reachable Docker daemon, root (the run directories
 * the supervisor fills as root in the container are cleaned up from the host) and the image's
 * ingredients. Where something is missing the tests are skipped with the reason, except under
 * {@code CI=true}, where they fail: a CI run that silently skipped them would prove nothing.
 */
public final class DockerPrerequisites {

  private DockerPrerequisites() {}

  /** What is missing to run the container suite here; empty when everything is there. */
  public static List<String> missing(ImageSources sources) {
    List<String> missing = new ArrayList<>();
    if (!isRoot()) {
      missing.add("not running as root");
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      missing.add(
          "no Docker daemon reachable (as root: apt-get install docker.io, then start dockerd"
              + " or run scripts/test.sh, which does both)");
    }
    missing.addAll(sources.missing());
    return missing;
  }

  /** Aborts the current test (or, under CI=true, fails it) when anything is missing. */
  public static void require(List<String> missing) {
    if (missing.isEmpty()) {
      return;
    }
    String message = "the container suite cannot run here: " + String.join("; ", missing);
    if (onCi()) {
      Assertions.fail(message + " (CI=true: failing instead of skipping)");
    }
    Assumptions.abort(message + " (skipped; with CI=true this fails)");
  }

  /** Whether the environment variable CI is {@code true}. */
  public static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
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
