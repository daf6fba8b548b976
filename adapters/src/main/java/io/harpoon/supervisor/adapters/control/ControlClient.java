package io.harpoon.supervisor.adapters.control;

import io.harpoon.supervisor.application.port.in.SendCommand;
import io.harpoon.supervisor.application.port.in.WatchState;
import io.harpoon.supervisor.domain.lifecycle.Command;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import jnr.unixsocket.UnixSocketChannel;

/**
 * One connection: streams states to the client and turns its events into commands. Everything runs on
 * the selector thread except {@link #stateAvailable} and {@link #rejected}, which the supervisor calls
 * and which only queue work and wake the selector.
 *
 * <p>Back-pressure: while more than {@code maxPendingBytes} wait to be written, the client polls no
 * states (the subscription coalesces them to the latest) and its commands are not read. Replies
 * (errors) are this client's own bytes, not shared frames: at most {@link #REPLY_BUDGET} of them
 * wait unread; a reply past that is dropped and the client's commands are not read until it has
 * read what waits, so a client that sends commands without reading the answers costs a few KiB and
 * cannot keep the supervisor busy. End of input (a half-close) only stops reading: states keep
 * flowing until a write fails.
 */
final class ControlClient implements WatchState.StateListener, SendCommand.CommandReplies {

  /** Replies held for a client that sends commands but does not read; more are dropped. */
  static final int REPLY_BUDGET = 4 * 1024;

  private final UnixSocketChannel channel;
  private final ClientEnvironment env;
  private final SseDecoder decoder;
  private final OutgoingFrames outgoing = new OutgoingFrames();
  private final Queue<byte[]> replies = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean queued = new AtomicBoolean();
  private final long maxPendingBytes;
  private volatile boolean closed;
  private SelectionKey key;
  private WatchState.Subscription subscription;
  private boolean inputEnded;
  private boolean statusWanted;

  ControlClient(UnixSocketChannel channel, ClientEnvironment env) {
    this.channel = channel;
    this.env = env;
    ControlServerLimits limits = env.registry().limits();
    this.decoder = new SseDecoder(limits.maxLineBytes(), limits.maxEventBytes());
    this.maxPendingBytes = limits.maxPendingBytes();
  }

  /** Registers with {@code selector}, subscribes, and sends the current state. */
  void start(Selector selector) throws IOException {
    try {
      key = channel.register(selector, SelectionKey.OP_READ, this);
      env.registry().add(this);
      subscription = env.watch().subscribe(this);
    } catch (IOException | RuntimeException failed) {
      close();
      throw failed;
    }
    service();
  }

  @Override
  public void stateAvailable() {
    announce();
  }

  @Override
  public void rejected(Command command, String reason) {
    if (!closed) {
      replies.add(SseEncoder.error(command.wireName(), reason));
      announce();
    }
  }

  /** The selector took this client from the wake-up queue. */
  void onQueued() {
    queued.set(false);
    service();
  }

  /** The selector reported readiness; no ready operation means a hang-up nobody was waiting for. */
  void onSelected() {
    if (key.readyOps() == 0) {
      close();
    } else if (key.isReadable()) {
      read();
    } else {
      service();
    }
  }

  boolean hasPendingOutput() {
    return !outgoing.isEmpty();
  }

  /** Cancels the subscription and closes the connection; further calls do nothing. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    env.registry().remove(this);
    if (subscription != null) {
      subscription.cancel();
    }
    if (key != null) {
      key.cancel();
    }
    try {
      channel.close();
    } catch (IOException alreadyBroken) {
      // The descriptor is released either way; nothing more to do for a dead peer.
    }
  }

  private void announce() {
    if (!closed && queued.compareAndSet(false, true)) {
      env.wakeups().ready(this);
    }
  }

  /** Moves replies and states into the outgoing queue and writes what the socket takes. */
  private void service() {
    try {
      boolean drained = true;
      boolean more = true;
      while (!closed && drained && more) {
        takeReplies();
        more = pollStates();
        drained = outgoing.writeTo(channel, env.registry().scratch());
      }
      updateInterest();
    } catch (IOException | RuntimeException broken) {
      close();
    }
  }

  /** Replies past the cap or the reply budget are dropped, as a stuck client skips states. */
  private void takeReplies() {
    byte[] reply;
    while ((reply = replies.poll()) != null) {
      outgoing.addReply(reply, maxPendingBytes, REPLY_BUDGET);
    }
  }

  /**
   * Polls while under the cap; true when it stopped because of the cap (more may be waiting). A
   * client that asked for the status gets it after the states it took.
   */
  private boolean pollStates() {
    boolean polled = false;
    try {
      while (outgoing.bytes() < maxPendingBytes) {
        Optional<ContainerProcessState> state = subscription.poll();
        if (state.isEmpty()) {
          return false;
        }
        outgoing.add(env.registry().stateFrame(state.get()));
        polled = true;
      }
      return true;
    } finally {
      if (polled && statusWanted) {
        queueStatus();
      }
    }
  }

  private void queueStatus() {
    outgoing.add(env.registry().statusFrame(env.watch().status()));
  }

  private void updateInterest() {
    if (closed) {
      return;
    }
    env.registry().noteQueued(outgoing.peakBytes());
    int ops = 0;
    if (!inputEnded && outgoing.bytes() < maxPendingBytes && !outgoing.repliesRefused()) {
      ops |= SelectionKey.OP_READ;
    }
    if (!outgoing.isEmpty()) {
      ops |= SelectionKey.OP_WRITE;
    }
    key.interestOps(ops);
  }

  private void read() {
    ByteBuffer buffer = env.registry().scratch();
    try {
      int count = channel.read(buffer);
      if (count < 0) {
        inputEnded = true;
      } else {
        buffer.flip();
        decoder.feed(buffer, this::onEvent);
        env.registry().noteDecoded(decoder.bufferedBytes());
      }
    } catch (IOException | RuntimeException broken) {
      close();
      return;
    }
    if (decoder.failed()) {
      refuseInput();
    } else {
      service();
    }
  }

  private void onEvent(SseEvent event) {
    if (SseEncoder.STATUS.equals(event.type())) {
      // An extension, not a command: nothing changes, so the domain is not asked. Past the cap the
      // answer waits for the next state, as states do, so asking again and again costs nothing.
      statusWanted = true;
      if (outgoing.bytes() < maxPendingBytes) {
        queueStatus();
      }
      return;
    }
    Optional<Command> command = Command.parse(event.type());
    if (command.isPresent()) {
      env.commands().send(command.get(), this);
    } else {
      byte[] reply = SseEncoder.error(event.type(), "unknown command");
      outgoing.addReply(reply, maxPendingBytes, REPLY_BUDGET);
    }
  }

  /** A decoder cap was exceeded: say so (best effort, without waiting) and hang up. */
  private void refuseInput() {
    outgoing.dropUnstarted();
    outgoing.add(ByteBuffer.wrap(SseEncoder.error("", decoder.failure())));
    try {
      outgoing.writeTo(channel, env.registry().scratch());
    } catch (IOException | RuntimeException broken) {
      // Closing below anyway.
    }
    close();
  }
}
