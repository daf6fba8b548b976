package io.harpoon.supervisor.adapters.runtime;

import io.harpoon.supervisor.domain.container.ContainerId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the OCI runtime keeps what it knows of a container: {@code <root>/<id>/} (runc's {@code
 * state.json}, crun's {@code status}). A container the runtime knows always has that directory, so
 * when it is absent {@code runc state} can only answer "does not exist", and the supervisor spares
 * itself a runtime process (tens of milliseconds) on every fresh start. When the root is not known —
 * another runtime, or a non-root user whose runtime keeps its state under {@code $XDG_RUNTIME_DIR} —
 * nothing is ruled out and the runtime is asked.
 */
final class RuntimeStateRoot {

  private final Optional<Path> root;

  private RuntimeStateRoot(Optional<Path> root) {
    this.root = root;
  }

  /** The root given with {@code --root}. */
  static RuntimeStateRoot explicit(Path root) {
    return new RuntimeStateRoot(Optional.of(root));
  }

  /** The default root of {@code binary} when run by root: {@code /run/runc}, {@code /run/crun}. */
  static RuntimeStateRoot defaultOf(String binary) {
    String name = Path.of(binary).getFileName().toString();
    boolean known = name.equals("runc") || name.equals("crun");
    return new RuntimeStateRoot(
        known && runByRoot() ? Optional.of(Path.of("/run", name)) : Optional.empty());
  }

  /** An unknown root: every question goes to the runtime. */
  static RuntimeStateRoot unknown() {
    return new RuntimeStateRoot(Optional.empty());
  }

  /** False only when the runtime certainly knows no container {@code id}. */
  boolean mayKnow(ContainerId id) {
    return root.isEmpty() || Files.exists(root.get().resolve(id.value()), LinkOption.NOFOLLOW_LINKS);
  }

  /** /proc/self belongs to the effective uid of the process reading it. */
  private static boolean runByRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }
}
