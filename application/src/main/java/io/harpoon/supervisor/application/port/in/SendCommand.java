package io.harpoon.supervisor.application.port.in;

import io.harpoon.supervisor.domain.lifecycle.Command;

/** Hands a client's command to the supervisor. Never blocks; the command is carried out in order. */
public interface SendCommand {

  /**
   * Queues {@code command}. If the supervisor refuses it, {@code replies} hears why, once, from the
   * supervisor's thread; an accepted command shows up as state changes instead.
   */
  void send(Command command, CommandReplies replies);

  /** Where a refusal goes: the connection that sent the command. Must not block. */
  interface CommandReplies {
    void rejected(Command command, String reason);
  }
}
