package io.harpoon.supervisor.adapters.signals;

import jnr.ffi.LibraryLoader;

/**
 * Undoes a signal disposition of {@code SIG_IGN} inherited from the parent. signal(7): an ignored
 * disposition survives execve, and shells start background jobs with SIGINT ignored; the JVM then
 * refuses to handle that signal ({@code JVM_RegisterSignal} leaves an ignored SIGINT alone). The
 * supervisor's contract says SIGINT stops the container gracefully whoever started it, so the
 * disposition is put back to {@code SIG_DFL} natively, after which the JVM installs the handler.
 *
 * <p>Bound only when needed: an inherited ignore is rare, and this is the only caller of {@code
 * signal(2)}.
 */
final class InheritedIgnore {

  /** {@code SIG_DFL} from {@code <signal.h>}. */
  private static final long SIG_DFL = 0;
  /** {@code SIG_ERR} from {@code <signal.h>}. */
  private static final long SIG_ERR = -1;

  /** The one libc function needed here. */
  public interface SignalCall {
    /** {@code signal(2)}; handlers are pointers, passed and returned as longs (LP64). */
    long signal(int signum, long handler);
  }

  private InheritedIgnore() {}

  /** Puts signal {@code number} back to its default disposition; false when libc refused. */
  static boolean reset(int number) {
    try {
      return Holder.LIBC.signal(number, SIG_DFL) != SIG_ERR;
    } catch (LinkageError | RuntimeException unavailable) {
      return false;
    }
  }

  private static final class Holder {
    static final SignalCall LIBC = LibraryLoader.create(SignalCall.class).failImmediately().load("c");
  }
}
