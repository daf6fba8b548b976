package io.harpoon.supervisor.adapters.config;

import io.harpoon.supervisor.application.port.out.ConfigLoad;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A run directory under a test's temporary directory, with a rootfs unless a test removes it. */
final class RunDirectory {

  private final Path path;

  RunDirectory(Path path) throws IOException {
    this.path = path;
    Files.createDirectory(path.resolve("rootfs"));
  }

  Path path() {
    return path;
  }

  RunDirectory agentJson(String json) throws IOException {
    return agentJson(json.getBytes(StandardCharsets.UTF_8));
  }

  RunDirectory agentJson(byte[] bytes) throws IOException {
    Files.write(path.resolve("agent.json"), bytes);
    return this;
  }

  ConfigLoad load() {
    return new JsonFileConfigSource(path).load();
  }
}
