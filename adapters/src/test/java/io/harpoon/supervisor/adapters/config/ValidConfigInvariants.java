package io.harpoon.supervisor.adapters.config;

import io.harpoon.supervisor.domain.container.ConfigValidation;
import io.harpoon.supervisor.domain.container.ContainerConfig;
import java.time.Duration;
import java.util.Arrays;

/**
 * What must hold of every config that validation lets through, whatever agent.json said: every path
 * is absolute, NUL-free and without {@code ..}, so that a mount target resolved under the rootfs
 * stays under it and is not its top; numbers are in their ranges; env names and values can go into
 * an execve environment. Plain checks rather than AssertJ: this runs for every fuzzed input.
 */
final class ValidConfigInvariants {

  private ValidConfigInvariants() {}

  static void check(ContainerConfig config) {
    cleanAbsolute(config.command().workingDir());
    config.storage().tmpSizesMb().forEach(ValidConfigInvariants::tmp);
    config.storage().volumes().forEach(ValidConfigInvariants::volume);
    config.env().forEach(ValidConfigInvariants::variable);
    config.ports().values().forEach(port -> require(port >= 0 && port <= 65535, "port", port));
    ContainerConfig.Resources resources = config.resources();
    long fd = resources.fileDescriptors();
    require(fd >= 1 && fd <= ConfigValidation.MAX_FILE_DESCRIPTORS, "fd", fd);
    require(resources.memoryMb() >= 0, "mem", resources.memoryMb());
    require(resources.cpus() >= 0 && resources.cpus() <= 4096, "cpus", resources.cpus());
    Duration startup = config.grace().startup();
    require(!startup.isNegative() && !startup.isZero() && within(startup), "startup", startup);
    Duration shutdown = config.grace().shutdown();
    require(!shutdown.isNegative() && within(shutdown), "shutdown", shutdown);
  }

  private static boolean within(Duration grace) {
    return grace.compareTo(ConfigValidation.MAX_GRACE) <= 0;
  }

  private static void tmp(String target, Long sizeMb) {
    mountTarget(target);
    require(sizeMb == -1 || (sizeMb >= 1 && sizeMb <= 1L << 30), "tmp size", sizeMb);
  }

  private static void volume(String target, String host) {
    mountTarget(target);
    cleanAbsolute(host);
  }

  /**
   * runc resolves targets inside the rootfs; lexically they must already stay there, below its top.
   * Resolved as strings: {@code Path} itself refuses strings the platform cannot encode.
   */
  private static void mountTarget(String target) {
    cleanAbsolute(target);
    int depth = 0;
    for (String segment : target.split("/")) {
      if (segment.equals("..")) {
        depth--;
        require(depth >= 0, "target climbs out of the rootfs", target);
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        depth++;
      }
    }
    require(depth > 0, "target is the container's root", target);
  }

  private static void cleanAbsolute(String path) {
    require(path.startsWith("/") && path.indexOf('\0') < 0, "not a clean absolute path", path);
    require(!Arrays.asList(path.split("/")).contains(".."), "path with ..", path);
  }

  private static void variable(String name, String value) {
    require(!name.isEmpty() && name.indexOf('=') < 0 && name.indexOf('\0') < 0, "env name", name);
    require(value.indexOf('\0') < 0, "env value with NUL for", name);
  }

  private static void require(boolean holds, String what, Object value) {
    if (!holds) {
      throw new AssertionError("valid config, yet " + what + ": " + value);
    }
  }
}
