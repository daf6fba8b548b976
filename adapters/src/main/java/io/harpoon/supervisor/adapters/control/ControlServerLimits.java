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

  /** 1024 clients, 8 KiB lines, 64 KiB events, 64 KiB queued per client. */
  public static final ControlServerLimits DEFAULT =
      new ControlServerLimits(
          1024, SseDecoder.DEFAULT_MAX_LINE_BYTES, SseDecoder.DEFAULT_MAX_EVENT_BYTES, 64 * 1024);

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
