package io.harpoon.supervisor.adapters.control;

/**
 * Bounds on what clients of the control socket can make the supervisor hold.
 *
 * @param maxClients connections served at once; one more gets {@code too many clients} and is closed
 * @param maxLineBytes longest line a client may send
 * @param maxEventBytes most type and data one incoming event may buffer
 * @param maxPendingBytes outgoing bytes queued per client before the supervisor stops taking more
 *     states for it (they coalesce upstream) and stops reading its commands; the kernel's socket
 *     buffer (about 200 KiB on Linux) sits in front of this
 */
public record ControlServerLimits(
    int maxClients, int maxLineBytes, int maxEventBytes, int maxPendingBytes) {

  /**
   * 1024 clients, 1 KiB lines, 1 KiB events, 64 KiB queued per client. A command is about a dozen
   * bytes ({@code event: stop}) and the server reads no data, so 1 KiB is plenty. What matters is
   * that every client at once trickling an unfinished event stays far inside the launcher's 64 MiB
   * heap: with 64 KiB events a held event of invalid UTF-8 measured 130 KB per client (UTF-16 text),
   * so about 500 slow clients exhausted the heap. Queued state frames are shared between clients, so
   * the 64 KiB queue cap costs little; replies are bounded apart ({@code ControlClient.REPLY_BUDGET}).
   */
  public static final ControlServerLimits DEFAULT =
      new ControlServerLimits(1024, 1024, 1024, 64 * 1024);

  public ControlServerLimits {
    if (maxClients < 1 || maxLineBytes < 1 || maxEventBytes < 1 || maxPendingBytes < 1) {
      throw new IllegalArgumentException("control socket limits must be positive");
    }
  }

  /** The same limits with a different number of clients. */
  public ControlServerLimits withMaxClients(int clients) {
    return new ControlServerLimits(clients, maxLineBytes, maxEventBytes, maxPendingBytes);
  }
}
