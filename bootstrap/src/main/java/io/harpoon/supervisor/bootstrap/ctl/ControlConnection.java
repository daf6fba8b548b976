package io.harpoon.supervisor.bootstrap.ctl;

import io.harpoon.supervisor.adapters.control.SseDecoder;
import io.harpoon.supervisor.adapters.control.SseEvent;
import io.harpoon.supervisor.domain.lifecycle.Command;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * One connection to a control socket, on the JDK's own unix sockets (JEP 380): reads are bounded by
 * deadlines through a selector, events are decoded by the supervisor's {@link SseDecoder}, and
 * every byte received can be copied to a tap first (for {@code watch --raw}).
 */
final class ControlConnection implements AutoCloseable {

  private static final int READ_BYTES = 16 * 1024;

  private final SocketChannel channel;
  private final Selector selector;
  private final Consumer<ByteBuffer> tap;
  private final SseDecoder decoder = new SseDecoder();
  private final ArrayDeque<SseEvent> decoded = new ArrayDeque<>();
  private final ByteBuffer buffer = ByteBuffer.allocate(READ_BYTES);
  private long bytesReceived;
  private boolean ended;

  private ControlConnection(SocketChannel channel, Selector selector, Consumer<ByteBuffer> tap) {
    this.channel = channel;
    this.selector = selector;
    this.tap = tap;
  }

  /** Connects to {@code socket}; failures say why in the operator's terms ({@link SocketProbe}). */
  static ControlConnection open(Path socket, Consumer<ByteBuffer> tap) throws CtlException {
    SocketProbe.check(socket);
    SocketChannel channel = null;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(socket));
      channel.configureBlocking(false);
      Selector selector = Selector.open();
      channel.register(selector, SelectionKey.OP_READ);
      return new ControlConnection(channel, selector, tap);
    } catch (IOException failed) {
      closeQuietly(channel);
      throw SocketProbe.explain(socket, failed);
    }
  }

  /** Sends {@code command} as {@code event: NAME} and an empty line, as SPEC §5 writes it. */
  void send(Command command) throws CtlException {
    send(command.wireName());
  }

  /** Sends an event of {@code type} without data: a command, or a request such as {@code status}. */
  void send(String type) throws CtlException {
    ByteBuffer frame =
        ByteBuffer.wrap(("event: " + type + "\n\n").getBytes(StandardCharsets.UTF_8));
    try {
      // A few bytes always fit the socket's send buffer of a fresh connection; loop for form's
      // sake.
      while (frame.hasRemaining()) {
        channel.write(frame);
      }
    } catch (IOException failed) {
      throw new CtlException(
          ExitCode.UNREACHABLE,
          "lost the connection to the supervisor while sending "
              + type
              + ": "
              + failed.getMessage(),
          failed);
    }
  }

  /**
   * The next event, {@link Incoming.Closed} at the end of the stream, or {@link Incoming.Silence}.
   */
  Incoming next(Deadline deadline) throws CtlException {
    while (decoded.isEmpty()) {
      if (ended) {
        return new Incoming.Closed();
      }
      if (deadline.passed()) {
        return new Incoming.Silence();
      }
      readWithin(deadline.selectMillis());
    }
    return Frames.read(decoded.poll());
  }

  /** How many bytes arrived so far: tells a mute peer from one that talks nonsense. */
  long bytesReceived() {
    return bytesReceived;
  }

  @Override
  public void close() {
    closeQuietly(channel);
    try {
      selector.close();
    } catch (IOException ignored) {
      // Only the selector's wake-up pipe is released here; nothing to report.
    }
  }

  private void readWithin(long millis) throws CtlException {
    try {
      if (selector.select(millis) == 0) {
        return;
      }
      selector.selectedKeys().clear();
      buffer.clear();
      int count = channel.read(buffer);
      if (count < 0) {
        ended = true;
        return;
      }
      bytesReceived += count;
      buffer.flip();
      tap.accept(buffer.asReadOnlyBuffer());
      decode();
    } catch (IOException failed) {
      // ECONNRESET and friends: the supervisor went away without a clean close.
      ended = true;
    }
  }

  private void decode() throws CtlException {
    if (!decoder.feed(buffer, decoded::add)) {
      throw new CtlException(
          ExitCode.NOT_A_SUPERVISOR,
          "not a supervisor: the bytes on the socket are not Server-Sent Events ("
              + Printable.text(decoder.failure())
              + ")");
    }
  }

  private static void closeQuietly(SocketChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // The descriptor is released either way.
    }
  }
}
