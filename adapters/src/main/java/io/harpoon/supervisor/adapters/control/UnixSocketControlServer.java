package io.harpoon.supervisor.adapters.control;

import io.harpoon.supervisor.application.port.in.SendCommand;
import io.harpoon.supervisor.application.port.in.WatchState;
import io.harpoon.supervisor.application.port.out.SupervisorLog;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jnr.unixsocket.UnixServerSocketChannel;

/**
 * The control socket {@code RUNDIR/control} (SPEC §5): Server-Sent Events both ways over a unix socket.
 * One selector thread serves every client with non-blocking I/O, so a thousand clients cost one
 * thread; a client that stops reading only has its states coalesced and never delays the supervisor
 * or other clients.
 */
public final class UnixSocketControlServer implements AutoCloseable {

  /** How long {@link #close()} waits to flush states to clients. */
  public static final Duration DEFAULT_FLUSH = Duration.ofMillis(500);

  private static final long JOIN_SLACK_MILLIS = 2000;

  private final UnixServerSocketChannel server;
  private final ControlSocketFile socketFile;
  private final Selector selector;
  private final Wakeups wakeups;
  private final ClientRegistry registry;
  private final Admission admission;
  private final AcceptLoop accepts;
  private final SupervisorLog log;
  private final AtomicBoolean closeCalled = new AtomicBoolean();
  private final Thread thread;
  private volatile boolean closeRequested;
  private volatile long flushDeadline;

  private UnixSocketControlServer(Bound bound, ClientEnvironment env, SupervisorLog log) {
    this.server = bound.server();
    this.socketFile = bound.file();
    this.selector = bound.selector();
    this.wakeups = env.wakeups();
    this.registry = env.registry();
    this.admission = new Admission(env, socketFile.ownerUid(), log);
    this.accepts = new AcceptLoop(server, server.keyFor(selector), log);
    this.log = log;
    this.thread = new Thread(this::run, "control-socket");
    thread.setDaemon(true);
  }

  /** {@link #open(Path, WatchState, SendCommand, SupervisorLog, ControlServerLimits)} with defaults. */
  public static UnixSocketControlServer open(
      Path runDir, WatchState watch, SendCommand commands, SupervisorLog log) throws IOException {
    return open(runDir, watch, commands, log, ControlServerLimits.DEFAULT);
  }

  /**
   * Creates {@code runDir/control} (mode 0600) and starts serving it on its own thread.
   *
   * @throws ControlSocketTakenException when a live supervisor owns the socket or a non-socket file
   *     sits at its path
   * @throws IOException when the socket cannot be created
   */
  public static UnixSocketControlServer open(
      Path runDir,
      WatchState watch,
      SendCommand commands,
      SupervisorLog log,
      ControlServerLimits limits)
      throws IOException {
    Bound bound = Bound.at(runDir.resolve("control"));
    Wakeups wakeups = new Wakeups(bound.selector());
    ClientEnvironment env =
        new ClientEnvironment(watch, commands, wakeups, new ClientRegistry(limits));
    UnixSocketControlServer started = new UnixSocketControlServer(bound, env, log);
    started.thread.start();
    return started;
  }

  /** The socket's path. */
  public Path path() {
    return socketFile.path();
  }

  /** The clients' registry, whose peak figures tests and diagnostics may read from any thread. */
  ClientRegistry registry() {
    return registry;
  }

  /** {@link #close(Duration)} with {@link #DEFAULT_FLUSH}. */
  @Override
  public void close() {
    close(DEFAULT_FLUSH);
  }

  /**
   * Stops accepting and removes the socket file, flushes pending states to every client for at most
   * {@code flush}, then closes all connections. Safe to call more than once.
   */
  public void close(Duration flush) {
    if (closeCalled.compareAndSet(false, true)) {
      flushDeadline = System.nanoTime() + flush.toNanos();
      closeRequested = true;
      wakeups.signal();
    }
    if (Thread.currentThread() != thread) {
      try {
        thread.join(flush.toMillis() + JOIN_SLACK_MILLIS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    try {
      while (!closeRequested) {
        selector.select(accepts.pauseMillis());
        handleSelected();
        wakeups.drain(ControlClient::onQueued);
        accepts.resumeIfDue();
      }
      flushAll();
    } catch (IOException | RuntimeException broken) {
      log.warn("control socket stopped serving: " + broken);
    } finally {
      releaseAll();
    }
  }

  private void handleSelected() {
    Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
    while (ready.hasNext()) {
      SelectionKey key = ready.next();
      ready.remove();
      if (!key.isValid()) {
        continue;
      }
      if (key.attachment() instanceof ControlClient) {
        serve((ControlClient) key.attachment());
      } else {
        accepts.acceptAll(channel -> admission.admit(channel, selector));
      }
    }
  }

  /** One client's failure, even an unexpected one, ends that client only. */
  private static void serve(ControlClient client) {
    try {
      client.onSelected();
    } catch (RuntimeException unexpected) {
      client.close();
    }
  }

  private void flushAll() throws IOException {
    accepts.stop();
    socketFile.release();
    wakeups.drain(ControlClient::onQueued);
    while (registry.anyPendingOutput()) {
      long left = TimeUnit.NANOSECONDS.toMillis(flushDeadline - System.nanoTime());
      if (left <= 0) {
        return;
      }
      selector.select(left);
      handleSelected();
      wakeups.drain(ControlClient::onQueued);
    }
  }

  private void releaseAll() {
    registry.snapshot().forEach(ControlClient::close);
    accepts.stop();
    socketFile.release();
    try {
      wakeups.closeSelector();
    } catch (IOException ignored) {
      // Closing a poll selector only closes its wake-up pipe; nothing to recover.
    }
  }

  /** A bound server channel, its published file and the selector it is registered with. */
  private record Bound(UnixServerSocketChannel server, ControlSocketFile file, Selector selector) {

    static Bound at(Path path) throws IOException {
      UnixServerSocketChannel server = UnixServerSocketChannel.open();
      ControlSocketFile file = null;
      try {
        file = ControlSocketFile.bind(server, path);
        Selector selector = server.provider().openSelector();
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        return new Bound(server, file, selector);
      } catch (IOException | RuntimeException failed) {
        if (file != null) {
          file.release();
        }
        server.close();
        throw failed;
      }
    }
  }
}
