package io.harpoon.supervisor.it.container;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a build context as one tar stream. A directory context would be read by following
 * symlinks, which turns busybox's applet links into copies or breaks them, so the context is a tar
 * we write ourselves: links stay links. Entries are sorted and carry fixed owners and times, so the
 * same files give the same bytes and the same digest: the image's cache key.
 *
 * <p>Uses Apache Commons Compress, which Testcontainers depends on and exposes in its own API.
 */
final class ContextTar {

  private final List<ImageFile> entries;

  ContextTar(List<ImageFile> entries) {
    this.entries = entries.stream().sorted(Comparator.comparing(ImageFile::path)).toList();
  }

  /** The SHA-256 of the tar, in hex, computed without keeping the tar anywhere. */
  String sha256() throws IOException {
    MessageDigest digest = sha256Digest();
    try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
      writeTo(out);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Writes the tar to {@code out} and finishes it (the stream itself stays open). */
  void writeTo(OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    for (ImageFile entry : entries) {
      write(tar, entry);
    }
    tar.finish();
  }

  private static void write(TarArchiveOutputStream tar, ImageFile file) throws IOException {
    if (file instanceof ImageFile.Directory dir) {
      tar.putArchiveEntry(entry(dir.path() + "/", TarConstants.LF_DIR, dir.mode()));
    } else if (file instanceof ImageFile.Link link) {
      TarArchiveEntry entry = entry(link.path(), TarConstants.LF_SYMLINK, 0777);
      entry.setLinkName(link.target());
      tar.putArchiveEntry(entry);
    } else if (file instanceof ImageFile.HostFile host) {
      TarArchiveEntry entry = entry(host.path(), TarConstants.LF_NORMAL, host.mode());
      entry.setSize(Files.size(host.source()));
      tar.putArchiveEntry(entry);
      Files.copy(host.source(), tar);
    } else if (file instanceof ImageFile.Content content) {
      TarArchiveEntry entry = entry(content.path(), TarConstants.LF_NORMAL, content.mode());
      entry.setSize(content.bytes().length);
      tar.putArchiveEntry(entry);
      tar.write(content.bytes());
    } else {
      throw new AssertionError("unknown image file " + file);
    }
    tar.closeArchiveEntry();
  }

  private static TarArchiveEntry entry(String name, byte type, int mode) {
    TarArchiveEntry entry = new TarArchiveEntry(name, type);
    entry.setMode(mode);
    entry.setUserId(0);
    entry.setGroupId(0);
    entry.setModTime(0L);
    return entry;
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
