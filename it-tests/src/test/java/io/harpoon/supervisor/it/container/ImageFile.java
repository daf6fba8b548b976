package io.harpoon.supervisor.it.container;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One entry of the image's build context: a path relative to the context root (no leading slash),
 * and what is there. Symlinks are entries of their own, so busybox's applet links survive as links.
 */
sealed interface ImageFile {

  /** The entry's path in the context, e.g. {@code rootfs/usr/bin/busybox}. */
  String path();

  /** A directory with this mode (e.g. {@code 01777} for /tmp). */
  record Directory(String path, int mode) implements ImageFile {
    public Directory {
      checkPath(path);
    }
  }

  /** A copy of a file of this machine (its target when it is a symlink), with this mode. */
  record HostFile(String path, Path source, int mode) implements ImageFile {
    public HostFile {
      checkPath(path);
      Objects.requireNonNull(source, "source");
    }
  }

  /** A file with generated content. */
  record Content(String path, byte[] bytes, int mode) implements ImageFile {
    public Content {
      checkPath(path);
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /** A symbolic link to {@code target}, kept verbatim (relative targets stay relative). */
  record Link(String path, String target) implements ImageFile {
    public Link {
      checkPath(path);
      Objects.requireNonNull(target, "target");
    }
  }

  private static void checkPath(String path) {
    if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
      throw new IllegalArgumentException("not a relative entry path: '" + path + "'");
    }
  }
}
