package io.harpoon.supervisor.adapters.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harpoon.supervisor.adapters.json.JsonTrees;
import io.harpoon.supervisor.application.port.out.LaunchSpec;
import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Turns the run directory into an OCI bundle: writes {@code config.json} beside {@code rootfs}. The
 * file is written to a temporary name (mode 0600: it holds the container's environment) and
 * renamed, so a runtime never reads half a config.
 */
public final class OciBundleWriter {

  /** The bundle's config file name, fixed by the OCI runtime spec. */
  public static final String CONFIG = "config.json";

  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private final HostFacts host;
  private final RuntimePolicy policy;

  /** A writer for this host, imposing {@code policy} on every container. */
  public OciBundleWriter(HostFacts host, RuntimePolicy policy) {
    this.host = host;
    this.policy = policy;
  }

  /** Writes {@code RUNDIR/config.json} for {@code spec}; returns its path. */
  public Path write(LaunchSpec spec) throws RuntimeFailure {
    Path root = realRoot(spec);
    ObjectNode config = OciSpec.config(spec, root, host, policy);
    Path target = spec.runDirectory().resolve(CONFIG);
    try {
      Path temporary = Files.createTempFile(spec.runDirectory(), ".config", ".json", OWNER_ONLY);
      try {
        try (OutputStream out = Files.newOutputStream(temporary)) {
          JsonTrees.writePretty(config, out);
        }
        return Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new RuntimeFailure("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** The rootfs with every symlink resolved: the runtime gets an absolute real path. */
  static Path realRoot(LaunchSpec spec) throws RuntimeFailure {
    try {
      Path root = spec.rootfs().toRealPath();
      if (!Files.isDirectory(root)) {
        throw new RuntimeFailure("rootfs " + spec.rootfs() + " is not a directory");
      }
      return root;
    } catch (IOException e) {
      throw new RuntimeFailure(
          "rootfs " + spec.rootfs() + " cannot be resolved: " + e.getMessage(), e);
    }
  }
}
