package io.harpoon.supervisor.application.loop;

import io.harpoon.supervisor.application.port.in.SendCommand.CommandReplies;
import io.harpoon.supervisor.domain.lifecycle.Command;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clients whose commands wait in the loop's queue, by the number their {@code CommandReceived}
 * carries, so that a rejection reaches the client that sent the command. Bounded: a client that floods
 * commands is refused as busy rather than growing the queue (clients are not acknowledged otherwise).
 */
final class Requesters {

  private final Map<Long, CommandReplies> waiting = new ConcurrentHashMap<>();
  private final AtomicLong next = new AtomicLong();
  private final int capacity;

  Requesters(int capacity) {
    this.capacity = capacity;
  }

  /** A number for a new command of {@code replies}, or empty when too many wait already. */
  Optional<Long> register(CommandReplies replies) {
    if (waiting.size() >= capacity) {
      return Optional.empty();
    }
    long requester = next.incrementAndGet();
    waiting.put(requester, replies);
    return Optional.of(requester);
  }

  /** Tells the client that sent command {@code requester} why it was refused, if it is still there. */
  void reject(long requester, Command command, String reason) {
    CommandReplies replies = waiting.get(requester);
    if (replies != null) {
      replies.rejected(command, reason);
    }
  }

  /** The command was handled. */
  void done(long requester) {
    waiting.remove(requester);
  }
}
