package io.harpoon.supervisor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.it.support.ControlClient;
import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SupervisorProcess;
import io.harpoon.supervisor.it.support.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A container that goes after the supervisor's own stdio. The container writes into pipes of its own,
 * which relay processes copy to the supervisor's stdout and stderr (SPEC §7), so there is nothing of the
 * supervisor's to reopen through {@code /proc/self/fd}, and the runtime chowns only those pipes to the
 * container's user (docs/security.md). Attacks that need a terminal or a pipe as the supervisor's stdio
 * are in {@code faults.StdioIsolationIT}.
 */
public interface IsolationAttackScenarios extends Scenario {

  /** Empties and rewrites its stderr and stdout by reopening them, and tries to make them its own. */
  String REWRITE_THE_LOG = String.join("; ",
      ": > /proc/self/fd/2", ": > /proc/self/fd/1",
      "echo FORGED-AT-OFFSET-0 > /proc/self/fd/2",
      "chmod 666 /proc/self/fd/2 /proc/self/fd/1 2>/dev/null",
      "trap 'exit 0' TERM", "echo ready", "while true; do sleep 0.1; done");

  @Test
  default void container_truncatesAndRewritesItsStderrThroughProc_supervisorLogIntactAndRootOwned()
      throws IOException {
    RunDirectory dir = fixture().runDirectory();
    SupervisorProcess supervisor = fixture().start(dir, List.of("sh", "-c", REWRITE_THE_LOG));
    Path log = supervisor.stderrFile();
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(log);
    ControlClient client = fixture().connect(dir);
    awaitRunning(client, supervisor);

    String text = supervisor.stderr();
    assertThat(text).as("the supervisor's log file, from its first byte")
        .matches("(?s)\\d{4}-\\d\\d-\\d\\dT[^\\n]* harpoon-supervisor\\[" + dir.id() + "\\] .*");
    assertThat(text.indexOf("INFO starting container")).as("logged before the container ran")
        .isNotNegative().isLessThan(text.indexOf("FORGED-AT-OFFSET-0"));
    assertThat(Files.getAttribute(log, "unix:uid")).as("owner of the log file").isEqualTo(0);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log)))
        .as("mode of the log file").isEqualTo(PosixFilePermissions.toString(mode));
    assertThat(Files.getAttribute(supervisor.stdoutFile(), "unix:uid")).isEqualTo(0);
  }

  @Test
  default void runningContainer_descriptors_areDevNullAndPipesOfItsOwnOnly() throws IOException {
    RunDirectory dir = fixture().runDirectory();
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);
    awaitRunning(fixture().connect(dir), supervisor);
    String pid = Files.readString(dir.path().resolve("container.pid")).strip();

    Map<String, String> container = descriptors(pid);
    Map<String, String> own = descriptors(Long.toString(supervisor.pid()));

    assertThat(container.keySet()).as("the container init's descriptors").containsExactly("0", "1", "2");
    assertThat(container.get("0")).isEqualTo("/dev/null");
    assertThat(container.get("1")).startsWith("pipe:").isNotEqualTo(own.get("1"));
    assertThat(container.get("2")).startsWith("pipe:").isNotEqualTo(own.get("2"))
        .isNotEqualTo(container.get("1"));
  }

  private Map<String, String> descriptors(String pid) {
    String listing = fixture().run("sh", "-c",
        "for f in /proc/" + pid + "/fd/*; do echo \"${f##*/} $(readlink \"$f\")\"; done").stdout();
    Map<String, String> fds = new TreeMap<>();
    listing.lines().map(line -> line.split(" ", 2))
        .forEach(parts -> fds.put(parts[0], parts.length > 1 ? parts[1] : ""));
    return fds;
  }
}
