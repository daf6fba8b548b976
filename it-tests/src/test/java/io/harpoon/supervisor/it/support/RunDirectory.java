package io.harpoon.supervisor.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A container's run directory (SPEC §2): {@code agent.json} and a busybox {@code rootfs}, plus host
 * directories for volumes. Its name is the container ID, so socket paths stay short.
 */
public final class RunDirectory {

  private static final List<String> APPLETS = List.of("sh", "echo", "sleep", "cat", "ls", "id",
      "hostname", "true", "false", "kill", "env", "ps", "head", "dd", "yes", "tail", "tr", "pwd",
      "touch", "mkdir", "rm", "wc", "stat", "date", "grep", "readlink", "timeout", "chmod");
  private static final List<String> DIRECTORIES =
      List.of("bin", "etc", "proc", "dev", "sys", "tmp", "data", "scratch");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<PosixFilePermission> ALL_PERMISSIONS =
      PosixFilePermissions.fromString("rwxrwxrwx");

  private final Path path;
  private final String id;

  private RunDirectory(Path path, String id) {
    this.path = path;
    this.id = id;
  }

  /** Creates {@code base/id} with a rootfs made of {@code busybox}, and a default agent.json. */
  public static RunDirectory create(Path base, String id, Path busybox) throws IOException {
    Path path = Files.createDirectories(base.resolve(id));
    RunDirectory dir = new RunDirectory(path, id);
    dir.buildRootfs(busybox);
    dir.write(AgentConfig.agent());
    return dir;
  }

  public Path path() {
    return path;
  }

  /** The container ID this directory is for. */
  public String id() {
    return id;
  }

  public Path control() {
    return path.resolve("control");
  }

  public Path rootfs() {
    return path.resolve("rootfs");
  }

  public Path agentJson() {
    return path.resolve("agent.json");
  }

  /** Writes agent.json from the builder. */
  public RunDirectory write(AgentConfig config) throws IOException {
    return writeAgentJson(config.toJson());
  }

  /** Writes agent.json as given, valid or not. */
  public RunDirectory writeAgentJson(String text) throws IOException {
    Files.writeString(agentJson(), text, StandardCharsets.UTF_8);
    return this;
  }

  /**
   * A host directory for a volume, writable by the container's user (uid 1), so the container can
   * leave results for the test to read.
   */
  public Path volume(String name) throws IOException {
    Path volume = Files.createDirectories(path.resolve("volumes").resolve(name));
    Files.setPosixFilePermissions(volume, ALL_PERMISSIONS);
    return volume;
  }

  /** The names of the entries of the run directory. */
  public List<String> entries() throws IOException {
    try (Stream<Path> list = Files.list(path)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** state.json, when the supervisor has written it. */
  public Optional<JsonNode> stateJson() throws IOException {
    Path file = path.resolve("state.json");
    return Files.exists(file) ? Optional.of(MAPPER.readTree(file.toFile())) : Optional.empty();
  }

  /** Removes the rootfs, for the scenarios of a broken run directory. */
  public void deleteRootfs() throws IOException {
    deleteTree(rootfs());
  }

  /** Removes the directory tree. */
  public void delete() throws IOException {
    deleteTree(path);
  }

  /** Removes a tree; symlinks are removed, never followed. */
  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private void buildRootfs(Path busybox) throws IOException {
    Path rootfs = rootfs();
    for (String dir : DIRECTORIES) {
      Files.createDirectories(rootfs.resolve(dir));
    }
    // runc gives a tmpfs the mode of the directory it covers: /scratch is writable for uid 1 only so.
    for (String writable : List.of("tmp", "scratch")) {
      Files.setPosixFilePermissions(rootfs.resolve(writable), ALL_PERMISSIONS);
    }
    Path binary = Files.copy(busybox, rootfs.resolve("bin/busybox"));
    Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String applet : APPLETS) {
      Files.createSymbolicLink(rootfs.resolve("bin").resolve(applet), Path.of("busybox"));
    }
    Path etc = rootfs.resolve("etc");
    Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/:/bin/sh\ndaemon:x:1:1:daemon:/:/bin/sh\n");
    Files.writeString(etc.resolve("group"), "root:x:0:\ndaemon:x:1:\n");
    // The runtime bind-mounts the host's resolv.conf here; the read-only rootfs must hold the target.
    Files.writeString(etc.resolve("resolv.conf"), "");
  }
}
