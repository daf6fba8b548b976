package io.harpoon.supervisor.adapters.control;

import io.harpoon.supervisor.application.port.in.SendCommand;
import io.harpoon.supervisor.domain.lifecycle.Command;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Records commands and refuses those named in {@link #refuse}, replying from its own thread as the
 * supervisor's loop does.
 */
final class RecordingSendCommand implements SendCommand, AutoCloseable {

  private final List<Command> received = new CopyOnWriteArrayList<>();
  private final ExecutorService loop = Executors.newSingleThreadExecutor();
  private volatile Command refused;
  private volatile String reason = "";

  void refuse(Command command, String why) {
    this.refused = command;
    this.reason = why;
  }

  List<Command> received() {
    return received;
  }

  @Override
  public void send(Command command, CommandReplies replies) {
    loop.execute(
        () -> {
          received.add(command);
          if (command == refused) {
            replies.rejected(command, reason);
          }
        });
  }

  @Override
  public void close() {
    loop.shutdownNow();
  }
}
