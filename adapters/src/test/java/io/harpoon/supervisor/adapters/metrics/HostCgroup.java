package io.harpoon.supervisor.adapters.metrics;

import io.harpoon.supervisor.domain.container.ContainerId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A v1 cgroup {@code harpoon/ID} made by a test in this host's cpuacct and memory hierarchies. The
 * parent {@code harpoon} is left in place: other tests or runc may be using it at the same time.
 */
final class HostCgroup {

  private static final Duration DRAIN_DEADLINE = Duration.ofSeconds(10);

  private final Path cpuacct;
  private final Path memory;

  private HostCgroup(Path cpuacct, Path memory) {
    this.cpuacct = cpuacct;
    this.memory = memory;
  }

  /** Whether this JVM runs as uid 0 (the owner of {@code /proc/self}). */
  static boolean isRoot() throws IOException {
    return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
  }

  static HostCgroup create(ContainerId id) throws IOException {
    HostCgroup cgroup =
        new HostCgroup(
            mount("cpuacct").resolve("harpoon").resolve(id.value()),
            mount("memory").resolve("harpoon").resolve(id.value()));
    Files.createDirectories(cgroup.cpuacct);
    Files.createDirectories(cgroup.memory);
    return cgroup;
  }

  private static Path mount(String controller) throws IOException {
    Optional<Mount> mount =
        Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
            .map(Mount::parse)
            .flatMap(Optional::stream)
            .filter(m -> m.isV1With(controller) && m.root().equals("/"))
            .findFirst();
    return Path.of(mount.orElseThrow(() -> new IOException("no " + controller)).mountPoint());
  }

  Path cpuacct() {
    return cpuacct;
  }

  Path memory() {
    return memory;
  }

  void limitMemory(long bytes) throws IOException {
    Files.writeString(memory.resolve("memory.limit_in_bytes"), Long.toString(bytes));
  }

  /** Kills what is left inside (a pipeline's stragglers), then removes both directories. */
  void remove() throws IOException, InterruptedException {
    for (Path dir : List.of(memory, cpuacct)) {
      drain(dir);
      Files.deleteIfExists(dir);
    }
  }

  private static void drain(Path dir) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(DRAIN_DEADLINE);
    while (Files.exists(dir)) {
      String procs =
          Files.readString(dir.resolve("cgroup.procs"), StandardCharsets.US_ASCII).trim();
      if (procs.isEmpty() || Instant.now().isAfter(deadline)) {
        return;
      }
      procs
          .lines()
          .forEach(
              pid ->
                  ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly));
      Thread.sleep(20);
    }
  }
}
