package io.harpoon.supervisor.adapters.posix;

import io.harpoon.supervisor.domain.container.WaitStatus;

/**
 * Decodes a raw {@code waitpid(2)} status the way glibc's {@code <sys/wait.h>} macros do. A signal
 * is reported as the signal, never folded into an exit code (no shell-style 128+n).
 */
public final class WaitStatuses {

  private static final int LOW_BITS = 0x7f;
  private static final int STOPPED = 0x7f;
  private static final int MAX_SIGNAL = 64;

  private WaitStatuses() {}

  /**
   * {@code WIFEXITED} gives {@code Exited(WEXITSTATUS)}, {@code WIFSIGNALED} gives {@code
   * Signaled(WTERMSIG)} (the core-dump bit is ignored). A stopped or continued status is never
   * asked for (no {@code WUNTRACED}/{@code WCONTINUED}) and decodes as {@code Unknown}.
   */
  public static WaitStatus decode(int raw) {
    int low = raw & LOW_BITS;
    if (low == 0) {
      return new WaitStatus.Exited((raw >> 8) & 0xff);
    }
    if (low != STOPPED && low <= MAX_SIGNAL) {
      return new WaitStatus.Signaled(low);
    }
    return new WaitStatus.Unknown();
  }
}
