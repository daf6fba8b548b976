package io.harpoon.supervisor.bootstrap.ctl;

import io.harpoon.supervisor.adapters.control.SseDecoder;
import io.harpoon.supervisor.adapters.control.SseEvent;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A control socket that speaks the protocol as a test scripts it: {@code DIR/control} on the JDK's
 * unix sockets, one thread per connection, no root needed. It records every command it receives.
 */
final class FakeSupervisor implements AutoCloseable {

  /** What the fake does with one connection. */
  interface Script {
    void serve(Peer peer) throws IOException;
  }

  private final Path socket;
  private final ServerSocketChannel server;
  private final Script script;
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final List<SocketChannel> connections = new CopyOnWriteArrayList<>();
  private final Semaphore finished = new Semaphore(0);
  private volatile boolean closed;

  private FakeSupervisor(Path socket, ServerSocketChannel server, Script script) {
    this.socket = socket;
    this.server = server;
    this.script = script;
  }

  /** Serves {@code dir/control} with {@code script} until closed. */
  static FakeSupervisor start(Path dir, Script script) throws IOException {
    Path socket = dir.resolve("control");
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    FakeSupervisor fake = new FakeSupervisor(socket, server, script);
    Thread acceptor = new Thread(fake::acceptLoop, "fake-supervisor");
    acceptor.setDaemon(true);
    acceptor.start();
    return fake;
  }

  /** Commands received, in order, over all connections. */
  List<String> commands() {
    return commands;
  }

  /** Waits until {@code count} connections were served to their end (bounded, fails the test). */
  void awaitServed(int count) throws InterruptedException {
    if (!finished.tryAcquire(count, 10, TimeUnit.SECONDS)) {
      throw new AssertionError("fewer than " + count + " connections ended within 10 s");
    }
  }

  /** Exits as a supervisor does: stop listening, remove the socket, hang up on every client. */
  @Override
  public void close() {
    closed = true;
    try {
      server.close();
      Files.deleteIfExists(socket);
    } catch (IOException ignored) {
      // Best effort in a test's clean-up.
    }
    connections.forEach(FakeSupervisor::closeQuietly);
  }

  /** Dies as a crashed supervisor does: stop listening but leave the socket file behind (stale). */
  void crash() throws IOException {
    closed = true;
    server.close();
    connections.forEach(FakeSupervisor::closeQuietly);
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        SocketChannel channel = server.accept();
        connections.add(channel);
        Thread handler = new Thread(() -> serve(channel), "fake-supervisor-client");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException stopped) {
        return;
      }
    }
  }

  private void serve(SocketChannel channel) {
    try {
      script.serve(new Peer(channel));
    } catch (IOException clientGone) {
      // The client hung up; nothing more to do for it.
    } finally {
      finished.release();
    }
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Already closed.
    }
  }

  /** One connection, from the supervisor's side. */
  final class Peer {

    private final SocketChannel channel;
    private final SseDecoder decoder = new SseDecoder();
    private final Queue<SseEvent> pending = new ArrayDeque<>();

    private Peer(SocketChannel channel) {
      this.channel = channel;
    }

    /** Writes {@code text} as it is. */
    void send(String text) throws IOException {
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    }

    /** {@code event: state} with {@code json}. */
    void state(String json) throws IOException {
      send("event: state\ndata: " + json + "\n\n");
    }

    /** {@code event: status} with {@code json}. */
    void status(String json) throws IOException {
      send("event: status\ndata: " + json + "\n\n");
    }

    /** {@code event: error} refusing {@code command}. */
    void refuse(String command, String error) throws IOException {
      send("event: error\ndata: {\"command\":\"" + command + "\",\"error\":\"" + error + "\"}\n\n");
    }

    /** The next command the client sends; empty when it hangs up first. */
    String command() throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(1024);
      while (pending.isEmpty()) {
        buffer.clear();
        if (channel.read(buffer) < 0) {
          return "";
        }
        decoder.feed(buffer.flip(), pending::add);
      }
      String command = pending.poll().type();
      commands.add(command);
      return command;
    }

    /** Reads until the client hangs up, recording its commands. */
    void drain() throws IOException {
      while (!command().isEmpty()) {
        // Recorded by command().
      }
    }

    /** Hangs up on this client. */
    void hangUp() {
      closeQuietly(channel);
    }

    /** Exits the whole fake supervisor. */
    void exitSupervisor() {
      FakeSupervisor.this.close();
    }
  }
}
