package io.harpoon.supervisor.it.support;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A control-socket client small enough to run anywhere the supervisor runs (the host's JDK, or the
 * container image's jlinked Java, as another user): connects to {@code args[0]}, prints everything it
 * receives until the supervisor closes the connection, and exits 0 then; 1 when it cannot connect; 124
 * when the connection stays open for 5 s. Used instead of socat, which the container image does not hold.
 */
public final class PeerProbe {

  private static final long WAIT_NANOS = 5_000_000_000L;

  private PeerProbe() {}

  public static void main(String[] args) throws IOException {
    SocketChannel channel;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(Path.of(args[0])));
    } catch (IOException e) {
      System.err.println("cannot connect: " + e.getMessage());
      System.exit(1);
      return;
    }
    channel.configureBlocking(false);
    Selector selector = Selector.open();
    channel.register(selector, SelectionKey.OP_READ);
    ByteBuffer buffer = ByteBuffer.allocate(8192);
    long deadline = System.nanoTime() + WAIT_NANOS;
    while (System.nanoTime() < deadline) {
      selector.select(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      selector.selectedKeys().clear();
      int read;
      try {
        read = channel.read(buffer.clear());
      } catch (IOException reset) {
        read = -1;
      }
      if (read < 0) {
        System.exit(0);
      }
      System.out.print(StandardCharsets.UTF_8.decode(buffer.flip()));
      System.out.flush();
    }
    System.exit(124);
  }
}
