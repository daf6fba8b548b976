package io.harpoon.supervisor.domain.container;

import java.util.List;
import java.util.Map;

/** Drafts of agent.json for the validation tests: the empty one, and copies with one field changed. */
final class ConfigDrafts {

  static final List<String> ARGV = List.of("/bin/sh", "-c", "sleep 1");

  private ConfigDrafts() {}

  /** The example agent.json of SPEC §4, every key set. */
  static ConfigDraft full() {
    return new ConfigDraft(
        Map.of("product", "shop", "environment", "prod", "job", "web", "artifact_url", "http://a/b.tgz"),
        List.of("http://localhost:8080/health"),
        Map.of("http", 8080L),
        Map.of("PATH", "/bin", "LANG", "C"),
        "/srv",
        64,
        0.5,
        1024,
        Map.of("/tmp", 16L, "/scratch", -1L),
        Map.of("/data", "/var/lib/data"),
        "250ms",
        "5s",
        "on-failure");
  }

  static ConfigDraft withWorkingDir(String dir) {
    ConfigDraft d = ConfigDraft.EMPTY;
    return new ConfigDraft(d.labels(), d.healthChecks(), d.ports(), d.env(), dir, d.memoryMb(), d.cpus(),
        d.fileDescriptors(), d.tmpSizesMb(), d.volumes(), d.startupGrace(), d.shutdownGrace(), d.restart());
  }

  static ConfigDraft withResources(long memoryMb, double cpus, long fileDescriptors) {
    ConfigDraft d = ConfigDraft.EMPTY;
    return new ConfigDraft(d.labels(), d.healthChecks(), d.ports(), d.env(), d.workingDir(), memoryMb, cpus,
        fileDescriptors, d.tmpSizesMb(), d.volumes(), d.startupGrace(), d.shutdownGrace(), d.restart());
  }

  static ConfigDraft withEnvAndPorts(Map<String, String> env, Map<String, Long> ports) {
    ConfigDraft d = ConfigDraft.EMPTY;
    return new ConfigDraft(d.labels(), d.healthChecks(), ports, env, d.workingDir(), d.memoryMb(), d.cpus(),
        d.fileDescriptors(), d.tmpSizesMb(), d.volumes(), d.startupGrace(), d.shutdownGrace(), d.restart());
  }

  static ConfigDraft withStorage(Map<String, Long> tmp, Map<String, String> volumes) {
    ConfigDraft d = ConfigDraft.EMPTY;
    return new ConfigDraft(d.labels(), d.healthChecks(), d.ports(), d.env(), d.workingDir(), d.memoryMb(),
        d.cpus(), d.fileDescriptors(), tmp, volumes, d.startupGrace(), d.shutdownGrace(), d.restart());
  }

  static ConfigDraft withGraceAndRestart(String startup, String shutdown, String restart) {
    ConfigDraft d = ConfigDraft.EMPTY;
    return new ConfigDraft(d.labels(), d.healthChecks(), d.ports(), d.env(), d.workingDir(), d.memoryMb(),
        d.cpus(), d.fileDescriptors(), d.tmpSizesMb(), d.volumes(), startup, shutdown, restart);
  }
}
