package io.harpoon.supervisor.adapters.control;

import io.harpoon.supervisor.application.port.out.SupervisorLog;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import jnr.constants.platform.Errno;
import jnr.ffi.LastError;
import jnr.unixsocket.UnixServerSocketChannel;
import jnr.unixsocket.UnixSocketChannel;

/**
 * Accepts pending connections in batches. When accept(2) fails for another reason than "nothing
 * pending" (typically EMFILE: out of file descriptors), the listening socket stays readable and poll(2)
 * would report it again at once, spinning the selector; so accepting pauses briefly instead, and the
 * failure is logged at most every few seconds.
 */
final class AcceptLoop {

  private static final int BATCH = 256;
  private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final UnixServerSocketChannel server;
  private final SelectionKey key;
  private final SupervisorLog log;
  private boolean paused;
  private long pausedUntil;
  private long lastWarning;
  private boolean warned;
  private boolean stopped;

  AcceptLoop(UnixServerSocketChannel server, SelectionKey key, SupervisorLog log) {
    this.server = server;
    this.key = key;
    this.log = log;
  }

  /** Accepts what is pending and hands each connection to {@code admit}. */
  void acceptAll(Consumer<UnixSocketChannel> admit) {
    for (int accepted = 0; accepted < BATCH && !stopped; accepted++) {
      UnixSocketChannel channel = acceptOne();
      if (channel == null) {
        return;
      }
      admit.accept(channel);
    }
  }

  /** How long the selector may block: until a pause ends, or indefinitely (0). */
  long pauseMillis() {
    if (!paused) {
      return 0;
    }
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(pausedUntil - System.nanoTime()));
  }

  /** Re-arms accepting once a pause is over. */
  void resumeIfDue() {
    if (paused && !stopped && System.nanoTime() - pausedUntil >= 0) {
      paused = false;
      key.interestOps(SelectionKey.OP_ACCEPT);
    }
  }

  /** Stops accepting for good and closes the listening socket. */
  void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    key.cancel();
    try {
      server.close();
    } catch (IOException alreadyClosed) {
      // The descriptor is released either way.
    }
  }

  private UnixSocketChannel acceptOne() {
    try {
      UnixSocketChannel channel = server.accept();
      if (channel == null) {
        Errno errno = Errno.valueOf(LastError.getLastError(jnr.ffi.Runtime.getSystemRuntime()));
        if (errno != Errno.EAGAIN && errno != Errno.EWOULDBLOCK && errno != Errno.EINTR) {
          pause(errno.toString());
        }
      }
      return channel;
    } catch (IOException failed) {
      pause(failed.getMessage());
      return null;
    }
  }

  private void pause(String why) {
    paused = true;
    pausedUntil = System.nanoTime() + PAUSE_NANOS;
    key.interestOps(0);
    long now = System.nanoTime();
    if (!warned || now - lastWarning >= WARN_EVERY_NANOS) {
      warned = true;
      lastWarning = now;
      log.warn("control socket: accept failed (" + why + "); pausing new connections briefly");
    }
  }
}
