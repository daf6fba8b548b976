package io.harpoon.supervisor.adapters.posix;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;

/**
 * Every libc call of the supervisor's process layer, and nothing more: spawning, signalling,
 * reaping, and the pipes and in-memory files its children write to. Bound once with jnr-ffi's
 * {@code LibraryLoader} (see {@link NativeLinux}), which costs a fraction of jnr-posix's {@code
 * POSIXFactory}: that one binds about 250 functions and generates classes no class-data archive
 * holds. Sizes and constants are glibc's on 64-bit Linux (x86_64 and aarch64 alike).
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

  /** {@code kill(2)}. */
  int kill(int pid, int signal);

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

  /** {@code pipe2(2)}: {@code fds} receives the read end, then the write end. */
  int pipe2(@Out int[] fds, int flags);

  /** {@code memfd_create(2)} (glibc 2.27): an anonymous file that lives as long as its fds. */
  int memfd_create(String name, int flags);

  /**
   * {@code posix_spawnp(3)}: returns 0 or an error number (not -1 and errno); {@code pid} receives
   * the child's pid. {@code argv} and {@code envp} must end with a null element.
   */
  int posix_spawnp(
      @Out int[] pid,
      String file,
      Pointer fileActions,
      Pointer attributes,
      @In CharSequence[] argv,
      @In CharSequence[] envp);

  /** {@code posix_spawn_file_actions_init(3)} on {@link SpawnActions#FILE_ACTIONS_BYTES}. */
  int posix_spawn_file_actions_init(Pointer actions);

  /** Frees what glibc allocated for the actions (the memory itself is the caller's). */
  int posix_spawn_file_actions_destroy(Pointer actions);

  /** In the child: {@code dup2(fd, target)}, which also clears {@code FD_CLOEXEC} on the target. */
  int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int target);

  /** In the child: {@code open(path, flags, mode)} as descriptor {@code fd}. */
  int posix_spawn_file_actions_addopen(Pointer actions, int fd, String path, int flags, int mode);

  /** In the child: {@code close(fd)}; glibc ignores a descriptor that is not open. */
  int posix_spawn_file_actions_addclose(Pointer actions, int fd);

  /** {@code posix_spawnattr_init(3)} on {@link SpawnActions#ATTRIBUTES_BYTES}. */
  int posix_spawnattr_init(Pointer attributes);

  /** Frees what glibc allocated for the attributes (nothing today; called for symmetry). */
  int posix_spawnattr_destroy(Pointer attributes);

  /** {@code POSIX_SPAWN_*} flags. */
  int posix_spawnattr_setflags(Pointer attributes, short flags);

  /** The child's signal mask ({@code sigset_t}, 128 bytes), with {@code POSIX_SPAWN_SETSIGMASK}. */
  int posix_spawnattr_setsigmask(Pointer attributes, @In byte[] signals);

  /** The signals reset to their default in the child, with {@code POSIX_SPAWN_SETSIGDEF}. */
  int posix_spawnattr_setsigdefault(Pointer attributes, @In byte[] signals);
}
