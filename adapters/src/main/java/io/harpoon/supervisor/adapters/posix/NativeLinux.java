package io.harpoon.supervisor.adapters.posix;

import jnr.constants.platform.Errno;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * Lazily binds {@link LinuxLibC} once per process: the supervisor's only binding of libc
 * (jnr-posix's full interface is never loaded, see {@link LinuxLibC}).
 */
public final class NativeLinux {

  /** {@code PR_SET_CHILD_SUBREAPER} from {@code <linux/prctl.h>}. */
  public static final int PR_SET_CHILD_SUBREAPER = 36;

  /** {@code P_ALL} from {@code <sys/wait.h>}: wait for any child. */
  public static final int P_ALL = 0;

  /** {@code WNOHANG}: return at once when no child has changed state. */
  public static final int WNOHANG = 1;

  /** {@code WEXITED}: report children that terminated. */
  public static final int WEXITED = 4;

  /** {@code WNOWAIT}: leave the child waitable (a zombie) after reporting it. */
  public static final int WNOWAIT = 0x01000000;

  /** Index of {@code si_pid} in a {@code siginfo_t} read as ints (offset 16 on Linux). */
  public static final int SIGINFO_PID_INDEX = 4;

  /** Size of a {@code siginfo_t} in ints. */
  public static final int SIGINFO_INTS = 32;

  private NativeLinux() {}

  /** The bound library; throws {@link UnsatisfiedLinkError} when libc cannot be bound. */
  public static LinuxLibC get() {
    return Holder.LIBC;
  }

  /** jnr-ffi's runtime of the binding, for native memory passed to it. */
  static Runtime runtime() {
    return Holder.RUNTIME;
  }

  /** The calling thread's {@code errno} as saved after its last call through {@link #get()}. */
  public static int errno() {
    return LastError.getLastError(Holder.RUNTIME);
  }

  /** The text of an {@code errno} value, e.g. "No such file or directory (errno 2)". */
  public static String describe(int errno) {
    Errno known = Errno.valueOf(errno);
    String text = known.defined() ? known.description() : "unknown error";
    return text + " (errno " + errno + ")";
  }

  private static final class Holder {
    static final LinuxLibC LIBC = LibraryLoader.create(LinuxLibC.class).failImmediately().load("c");
    static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
  }
}
