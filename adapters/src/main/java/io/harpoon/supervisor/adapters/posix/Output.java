package io.harpoon.supervisor.adapters.posix;

/** Where a spawned process's stdout or stderr goes. */
public sealed interface Output {

  /** The supervisor's own descriptor: what the process writes is the supervisor's output. */
  Output INHERIT = new Inherit();

  /** One of the supervisor's descriptors (a pipe's write end, a memory file), dup'd in place. */
  static Output descriptor(int fd) {
    return new Descriptor(fd);
  }

  /** Shares the supervisor's descriptor. */
  record Inherit() implements Output {}

  /** Writes to the supervisor's descriptor {@code fd}, which the child gets as its 1 or 2. */
  record Descriptor(int fd) implements Output {
    public Descriptor {
      if (fd < 0) {
        throw new IllegalArgumentException("no descriptor " + fd);
      }
    }
  }
}
