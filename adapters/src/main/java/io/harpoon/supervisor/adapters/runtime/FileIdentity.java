package io.harpoon.supervisor.adapters.runtime;

/**
 * Which file a path names: its device ({@code major << 32 | minor}) and inode. A bind mount shows
 * the inode of its source, so the identity of a volume's mount point inside the container equals
 * that of its host directory.
 */
record FileIdentity(long device, long inode) {

  @Override
  public String toString() {
    return "device " + (device >>> 32) + ":" + (device & 0xffffffffL) + " inode " + inode;
  }
}
