package io.harpoon.supervisor.bootstrap.ctl;

import io.harpoon.supervisor.adapters.control.SseDecoder;
import io.harpoon.supervisor.adapters.control.SseEncoder;
import io.harpoon.supervisor.adapters.control.SseEvent;
import io.harpoon.supervisor.application.port.in.ContainerStatus;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import io.harpoon.supervisor.domain.lifecycle.Phase;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The training run behind harpoonctl's class data ({@code bin/harpoonctl --train-class-data}): every
 * command once against a stand-in supervisor served from this JVM, so the archive holds what each
 * loads (commons-cli, the SSE decoder, Jackson, the table and text code). No root, no supervisor, no
 * runtime needed. Never fails: a training that goes wrong only means a smaller archive.
 */
public final class CtlTraining {

  /** How long a connection stays quiet before the stand-in takes its client for a watcher. */
  private static final Duration QUIET = Duration.ofMillis(200);

  private CtlTraining() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "hs-ctl-cds");
    Path socket = dir.resolve(CtlOptions.SOCKET_NAME);
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Thread serving = new Thread(() -> serveAll(server), "ctl-training");
      serving.setDaemon(true);
      serving.start();
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      HarpoonCtl ctl = new HarpoonCtl(quiet, quiet, Clock.systemUTC());
      String at = dir.toString();
      for (List<String> command : List.of(
          List.of("--dir", at, "status"), List.of("--dir", at, "status", "--json"),
          List.of("ls", at, dir.resolve("missing").toString()), List.of("ls", "--json", at),
          List.of("--dir", at, "watch"), List.of("--dir", at, "watch", "--raw"),
          List.of("--dir", at, "stop", "--wait"), List.of("--dir", at, "kill"),
          List.of("help"), List.of("--version"), List.of("--bogus"))) {
        ctl.run(command.toArray(new String[0]));
      }
    } finally {
      Files.deleteIfExists(socket);
      Files.deleteIfExists(dir);
    }
  }

  private static void serveAll(ServerSocketChannel server) {
    while (true) {
      try (SocketChannel client = server.accept()) {
        serve(client);
      } catch (IOException | RuntimeException gone) {
        if (!server.isOpen()) {
          return;
        }
      }
    }
  }

  /** One client as a supervisor would serve it, in the order harpoonctl's commands need. */
  private static void serve(SocketChannel client) throws IOException {
    write(client, SseEncoder.state(state(true, true, ExitStatus.NONE)));
    client.configureBlocking(false);
    try (Selector selector = Selector.open()) {
      client.register(selector, SelectionKey.OP_READ);
      SseDecoder decoder = new SseDecoder();
      ByteBuffer buffer = ByteBuffer.allocate(1024);
      while (selector.select(QUIET.toMillis()) > 0) {
        selector.selectedKeys().clear();
        buffer.clear();
        if (client.read(buffer) < 0) {
          return;
        }
        List<SseEvent> events = new ArrayList<>();
        decoder.feed(buffer.flip(), events::add);
        for (SseEvent event : events) {
          answer(client, event.type());
        }
      }
      // A client that asks nothing watches: a sample, a change, and the supervisor is gone.
      write(client, SseEncoder.state(state(true, true, ExitStatus.NONE)));
      write(client, SseEncoder.state(state(false, false, new ExitStatus.Signaled(15))));
    }
  }

  private static void answer(SocketChannel client, String type) throws IOException {
    if (type.equals(SseEncoder.STATUS)) {
      write(client, SseEncoder.status(Optional.of(status()), ProcessHandle.current().pid()));
    } else {
      write(client, SseEncoder.state(state(true, false, ExitStatus.NONE)));
      write(client, SseEncoder.state(state(false, false, new ExitStatus.Signaled(15))));
    }
  }

  private static ContainerProcessState state(boolean up, boolean restarting, ExitStatus exit) {
    return new ContainerProcessState(up, restarting, "", exit, 1, 0,
        new Metrics(1_234_567, 12 << 20, 64 << 20));
  }

  private static ContainerStatus status() {
    Instant started = Instant.now().minusSeconds(192);
    return new ContainerStatus(new ContainerId("training"), Phase.RUNNING, 4242, started, started,
        Duration.ZERO, RestartPolicy.ON_FAILURE, 64L << 20);
  }

  private static void write(SocketChannel client, byte[] frame) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(frame);
    while (bytes.hasRemaining()) {
      client.write(bytes);
    }
  }
}
