package io.harpoon.supervisor.adapters.posix;

import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;

/**
 * The few Linux libc calls the supervisor needs beyond jnr-posix: becoming a child subreaper,
 * waiting without reaping, and watching a process that is not its child. Bound with jnr-ffi's
 * {@code LibraryLoader}; see {@link NativeLinux}.
 */
public interface LinuxLibC {

  /** {@code prctl(2)}; the supervisor only uses {@code PR_SET_CHILD_SUBREAPER}. */
  int prctl(int option, long arg2, long arg3, long arg4, long arg5);

  /**
   * {@code waitid(2)}; {@code info} receives the raw {@code siginfo_t} (128 bytes, 32 ints), whose
   * {@code si_pid} is int number 4 on Linux.
   */
  int waitid(int idType, int id, @Out int[] info, int options);

  /** {@code waitpid(2)}; {@code status} receives the raw wait status. */
  int waitpid(int pid, @Out int[] status, int options);

  /**
   * {@code syscall(2)} with two int arguments; used for {@code pidfd_open}, which glibc 2.36 wraps
   * but older ones do not.
   */
  int syscall(long number, int arg1, int arg2);

  /**
   * {@code poll(2)}; {@code fds} holds {@code struct pollfd}s as pairs of ints: the descriptor,
   * then {@code events} in the low and {@code revents} in the high 16 bits (little-endian layout).
   */
  int poll(@In @Out int[] fds, long count, int timeoutMillis);

  /** {@code close(2)}. */
  int close(int fd);
}
