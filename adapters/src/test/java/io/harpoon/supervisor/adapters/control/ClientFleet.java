package io.harpoon.supervisor.adapters.control;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Many control clients served by one thread (the caller's) through a JDK selector, so measuring a
 * thousand clients does not add a thousand client threads. Each client remembers the data of the
 * last state it received.
 */
final class ClientFleet implements AutoCloseable {

  private final Selector selector;
  private final List<Member> members = new ArrayList<>();
  private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

  ClientFleet(Path socket, int size) throws IOException {
    selector = Selector.open();
    for (int i = 0; i < size; i++) {
      SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(socket));
      channel.configureBlocking(false);
      Member member = new Member(channel);
      channel.register(selector, SelectionKey.OP_READ, member);
      members.add(member);
    }
  }

  /**
   * Reads until every client's last state is {@code data}; returns the nanoseconds from {@code
   * startNanos} to the first and to the last client getting it, or throws after {@code timeout}.
   */
  long[] awaitAll(String data, long startNanos, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long first = -1;
    int done = countHaving(data);
    while (done < members.size()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(done + " of " + members.size() + " clients got the state");
      }
      selector.select(10);
      for (SelectionKey key : selector.selectedKeys()) {
        Member member = (Member) key.attachment();
        boolean had = member.last.equals(data);
        member.read(buffer);
        if (!had && member.last.equals(data)) {
          done++;
          first = first < 0 ? System.nanoTime() - startNanos : first;
        }
      }
      selector.selectedKeys().clear();
    }
    return new long[] {first, System.nanoTime() - startNanos};
  }

  private int countHaving(String data) {
    return (int) members.stream().filter(m -> m.last.equals(data)).count();
  }

  @Override
  public void close() throws IOException {
    for (Member member : members) {
      member.channel.close();
    }
    selector.close();
  }

  private static final class Member {
    private final SocketChannel channel;
    private final SseDecoder decoder = new SseDecoder();
    private String last = "";

    Member(SocketChannel channel) {
      this.channel = channel;
    }

    void read(ByteBuffer buffer) throws IOException {
      while (channel.read(buffer.clear()) > 0) {
        decoder.feed(buffer.flip(), event -> last = event.data());
      }
    }
  }
}
