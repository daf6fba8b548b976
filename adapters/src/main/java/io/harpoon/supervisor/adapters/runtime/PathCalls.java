package io.harpoon.supervisor.adapters.runtime;

import jnr.ffi.annotations.Out;

/**
 * The libc calls that walk a path without following symlinks ({@link NoFollowWalk}): {@code
 * openat(2)} and {@code statx(2)} relative to an open directory, {@code fchmod(2)}, {@code
 * close(2)}. Bound with jnr-ffi on first use. {@code statx} (glibc 2.28) fills a {@code struct
 * statx}, whose layout is the same on every architecture, unlike {@code struct stat}'s. Only native
 * functions here: jnr-ffi binds every method of the interface.
 */
public interface PathCalls {

  /** {@code AT_FDCWD}: a relative path starts at the working directory. */
  int AT_FDCWD = -100;

  /** {@code AT_SYMLINK_NOFOLLOW}: a trailing symlink is described, not followed. */
  int AT_SYMLINK_NOFOLLOW = 0x100;

  /** {@code STATX_TYPE | STATX_MODE | STATX_INO}: the fields {@link PathStat} reads. */
  int STATX_TYPE_MODE_INO = 0x1 | 0x2 | 0x100;

  /** Size of {@code struct statx}. */
  int STATX_BYTES = 256;

  /** {@code O_RDONLY | O_CLOEXEC}; {@code O_CLOEXEC} is 02000000 on x86-64 and arm64 alike. */
  int O_RDONLY_CLOEXEC = 0x80000;

  int openat(int directory, String path, int flags, int mode);

  int statx(int directory, String path, int flags, int mask, @Out byte[] statx);

  int fchmod(int fd, int mode);

  int close(int fd);
}
