package io.harpoon.supervisor.bootstrap.ctl;

import io.harpoon.supervisor.domain.lifecycle.Command;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code exit}. A supervisor that accepts {@code exit} closes every connection and removes its
 * socket; one that refuses replies {@code event: error}. The original supervisor never replies: it
 * ignores an {@code exit} while the container is up, so then only the timeout tells.
 */
final class ExitCommand {

  private static final Duration POLL = Duration.ofMillis(20);

  private ExitCommand() {}

  static ExitCode run(CtlOptions options, Console console) throws CtlException {
    Deadline deadline = Deadline.after(options.timeout());
    ContainerProcessState last;
    try (Session session = Session.open(options.socket(), deadline, b -> {})) {
      session.connection().send(Command.EXIT);
      last = awaitClose(session, deadline);
    }
    awaitSocketGone(options.socket(), deadline, last);
    console.result("supervisor exited");
    return ExitCode.OK;
  }

  /** Reads until the supervisor hangs up; returns the last state it sent. */
  private static ContainerProcessState awaitClose(Session session, Deadline deadline)
      throws CtlException {
    ContainerProcessState last = session.first().state();
    while (true) {
      Incoming next = session.connection().next(deadline);
      ShutdownCommand.refused(next, Command.EXIT);
      if (next instanceof Incoming.Closed) {
        return last;
      }
      if (next instanceof Incoming.State) {
        last = ((Incoming.State) next).state();
      } else if (next instanceof Incoming.Silence) {
        throw notExited(deadline, last);
      }
    }
  }

  /**
   * The connection is closed; the supervisor is gone once its socket is: removed, or left behind
   * with nobody listening (connect(2) fails with ECONNREFUSED, unix(7)).
   */
  private static void awaitSocketGone(Path socket, Deadline deadline, ContainerProcessState last)
      throws CtlException {
    while (answers(socket)) {
      if (deadline.passed()) {
        throw notExited(deadline, last);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw notExited(deadline, last);
      }
    }
  }

  private static boolean answers(Path socket) {
    if (Files.notExists(socket, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      probe.connect(UnixDomainSocketAddress.of(socket));
      return true;
    } catch (IOException refusedOrGone) {
      return false;
    }
  }

  private static CtlException notExited(Deadline deadline, ContainerProcessState last) {
    return new CtlException(
        ExitCode.TIMEOUT,
        "supervisor did not exit within "
            + deadline.describe()
            + " (is the container still up? last state: "
            + StateText.condition(last)
            + ")");
  }
}
