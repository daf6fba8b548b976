package io.harpoon.supervisor.domain.container;

/**
 * How the container's init process ended, as the kernel reported it to {@code waitpid(2)}. Signals are not
 * folded into exit codes (unlike a shell's 128+n).
 */
public sealed interface WaitStatus {

  /** The process called {@code exit(code)}. */
  record Exited(int code) implements WaitStatus {
    public Exited {
      if (code < 0 || code > 255) {
        throw new IllegalArgumentException("exit code out of range: " + code);
      }
    }
  }

  /** The process was terminated by a signal. */
  record Signaled(int signal) implements WaitStatus {
    public Signaled {
      if (signal < 1 || signal > 64) {
        throw new IllegalArgumentException("signal out of range: " + signal);
      }
    }
  }

  /** The process is gone but its status could not be observed (e.g. it was not our child to reap). */
  record Unknown() implements WaitStatus {}
}
