package io.harpoon.supervisor.adapters.runtime;

import jnr.posix.FileStat;

/**
 * Which file a path names: its device and inode. A bind mount shows the inode of its source, so the
 * identity of a volume's mount point inside the container equals that of its host directory.
 */
record FileIdentity(long device, long inode) {

  static FileIdentity of(FileStat stat) {
    return new FileIdentity(stat.dev(), stat.ino());
  }

  @Override
  public String toString() {
    return "device " + device + " inode " + inode;
  }
}
