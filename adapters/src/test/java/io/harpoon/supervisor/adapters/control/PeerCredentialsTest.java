package io.harpoon.supervisor.adapters.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Needs root (to connect as another user) plus setpriv and socat; skipped otherwise. */
class PeerCredentialsTest extends ControlServerFixture {

  private static final int NOBODY = 65534;

  @Test
  void otherUser_connects_isClosedWithoutData_andWarned() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv missing");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat missing");
    start();
    assumeTrue(
        (Integer) Files.getAttribute(socket(), "unix:uid") == 0, "not running as root");
    // Open the door the 0600 mode keeps shut, so only the credentials check stands in the way.
    Files.setPosixFilePermissions(runDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(socket(), PosixFilePermissions.fromString("rw-rw-rw-"));
    Process socat =
        new ProcessBuilder(
                "/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups",
                "/usr/bin/socat", "-u", "UNIX-CONNECT:" + socket(), "-")
            .redirectErrorStream(true)
            .start();
    assertThat(socat.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    String output = new String(socat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(output).doesNotContain("event:");
    assertThat(log.warnings()).anyMatch(w -> w.contains("refused a client with uid " + NOBODY));
    assertThat(watch.subscribers()).isZero();
  }

  @Test
  void root_connects_isServed() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat missing");
    start();
    Process socat =
        new ProcessBuilder("/usr/bin/socat", "-u", "UNIX-CONNECT:" + socket(), "-").start();
    try {
      byte[] head = socat.getInputStream().readNBytes("event: state\n".length());
      assertThat(new String(head, StandardCharsets.UTF_8)).isEqualTo("event: state\n");
    } finally {
      socat.destroy();
    }
  }
}
