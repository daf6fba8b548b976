package io.harpoon.supervisor.adapters.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What {@code statx(2)} says of a path: its type and permission bits, and its identity.
 *
 * @param mode {@code st_mode}: file type and permission bits
 */
record PathStat(int mode, FileIdentity identity) {

  private static final int TYPE_MASK = 0170000;
  private static final int SYMLINK = 0120000;
  private static final int DIRECTORY = 0040000;

  /**
   * Reads a {@code struct statx} (linux/stat.h): {@code stx_mode} is a u16 at offset 28, {@code
   * stx_ino} a u64 at 32, {@code stx_dev_major} and {@code stx_dev_minor} u32s at 136 and 140.
   */
  static PathStat of(byte[] statx) {
    ByteBuffer buffer = ByteBuffer.wrap(statx).order(ByteOrder.nativeOrder());
    long device = ((long) buffer.getInt(136) << 32) | (buffer.getInt(140) & 0xffffffffL);
    return new PathStat(buffer.getShort(28) & 0xffff, new FileIdentity(device, buffer.getLong(32)));
  }

  boolean isSymlink() {
    return (mode & TYPE_MASK) == SYMLINK;
  }

  boolean isDirectory() {
    return (mode & TYPE_MASK) == DIRECTORY;
  }
}
