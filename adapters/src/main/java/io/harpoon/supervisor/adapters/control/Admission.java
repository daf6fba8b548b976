package io.harpoon.supervisor.adapters.control;

import io.harpoon.supervisor.application.port.out.SupervisorLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Selector;
import jnr.unixsocket.Credentials;
import jnr.unixsocket.UnixSocketChannel;
import jnr.unixsocket.UnixSocketOptions;

/**
 * Decides whether an accepted connection becomes a client. The peer's credentials come from the kernel
 * (SO_PEERCRED, socket(7)): they are the peer's effective ids when it connected and cannot be forged.
 * Only root and the supervisor's own user are served; the socket's 0600 mode already keeps others out,
 * this is the second lock. Beyond the client limit a connection gets one error frame and is closed.
 */
final class Admission {

  private static final byte[] TOO_MANY = SseEncoder.error("", "too many clients");

  private final ClientEnvironment env;
  private final int supervisorUid;
  private final SupervisorLog log;

  Admission(ClientEnvironment env, int supervisorUid, SupervisorLog log) {
    this.env = env;
    this.supervisorUid = supervisorUid;
    this.log = log;
  }

  /** Admits {@code channel} as a client registered with {@code selector}, or closes it. */
  void admit(UnixSocketChannel channel, Selector selector) {
    try {
      channel.configureBlocking(false);
      Credentials peer = channel.getOption(UnixSocketOptions.SO_PEERCRED);
      if (peer.getUid() != 0 && peer.getUid() != supervisorUid) {
        log.warn("control socket: refused a client with uid " + peer.getUid() + " (pid "
            + peer.getPid() + "): only root and uid " + supervisorUid + " may connect");
        closeQuietly(channel);
      } else if (env.registry().full()) {
        log.warn("control socket: refused a client (pid " + peer.getPid() + "): "
            + env.registry().size() + " clients already connected");
        channel.write(ByteBuffer.wrap(TOO_MANY));
        closeQuietly(channel);
      } else {
        new ControlClient(channel, env).start(selector);
      }
    } catch (IOException | RuntimeException broken) {
      closeQuietly(channel);
    }
  }

  private static void closeQuietly(UnixSocketChannel channel) {
    try {
      channel.close();
    } catch (IOException alreadyBroken) {
      // The descriptor is released either way.
    }
  }
}
