package io.harpoon.supervisor.it.faults;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SupervisorState;
import io.harpoon.supervisor.it.support.Workloads;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing of a supervisor is left in the temporary directory, however it ends (issue: a burst of
 * SIGTERMs left a {@code harpoon-runtime-*} directory behind each time). The runtime's output is
 * captured in memory files, and jffi loads the distribution's unpacked library, so the supervisor
 * creates nothing there at all: the test watches the directory (inotify) for the whole life of one.
 */
class TempFilesIT extends NativeHostTest {

  private static final int SIGTERMS = 250;

  @Test
  void sigtermBurstWhileRunning_supervisorExits_nothingEverCreatedInItsTempDirectory() throws Exception {
    RunDirectory dir = fixture().runDirectory();
    Path tmp = Files.createDirectories(dir.path().resolve("test-tmp"));
    ProcessBuilder builder = new ProcessBuilder(HostLaunch.supervisorCommand(dir, Workloads.TERM_HANDLER))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(HostLaunch.logFile(dir, "supervisor.out").toFile())
        .redirectError(HostLaunch.logFile(dir, "supervisor.err").toFile());
    builder.environment().put("TMPDIR", tmp.toString());
    builder.environment().put("HARPOON_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
    List<String> created = new ArrayList<>();
    Optional<Integer> exit;
    try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
      WatchKey key = tmp.register(watcher, ENTRY_CREATE);
      try (HostLaunch launch = HostLaunch.start(builder, dir, STARTED)) {
        fixture().connect(dir).awaitState("the container up", SupervisorState::up, STARTED);

        fixture().run("sh", "-c", "i=0; while [ $i -lt " + SIGTERMS + " ]; do kill -TERM "
            + launch.pid() + " 2>/dev/null; i=$((i+1)); done");
        exit = launch.awaitExit(STARTED);
      }
      for (WatchEvent<?> event : key.pollEvents()) {
        created.add(String.valueOf(event.context()));
      }
    }

    System.out.println(SIGTERMS + " SIGTERMs: supervisor exit code " + exit.map(String::valueOf).orElse("?"));
    assertThat(exit).as("the supervisor exited").isPresent();
    assertThat(created).as("entries created in the supervisor's temp directory").isEmpty();
    assertThat(listing(tmp)).isEmpty();
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).toList();
    }
  }
}
