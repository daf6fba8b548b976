package io.harpoon.supervisor.adapters.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ControlSocketFileTest extends ControlServerFixture {

  @Test
  void open_socketIsMode0600_andNoTemporaryNameLeft() throws Exception {
    start();
    assertThat(Files.getPosixFilePermissions(socket()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(ControlSocketFile.isSocket(socket())).isTrue();
    try (Stream<java.nio.file.Path> entries = Files.list(runDir)) {
      assertThat(entries).containsExactly(socket());
    }
  }

  @Test
  void staleSocket_isReplaced() throws Exception {
    try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      dead.bind(UnixDomainSocketAddress.of(socket()));
    }
    assertThat(socket()).exists();
    start();
    try (SseTestClient client = SseTestClient.connect(socket())) {
      assertThat(client.next(WAIT).type()).isEqualTo("state");
    }
  }

  @Test
  void liveSocket_isRefused_andLeftAlone() throws Exception {
    try (ServerSocketChannel live = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      live.bind(UnixDomainSocketAddress.of(socket()));
      Object inode = Files.readAttributes(socket(), "unix:ino").get("ino");
      assertThatThrownBy(this::start)
          .isInstanceOf(ControlSocketTakenException.class)
          .hasMessage("another supervisor owns " + socket());
      assertThat(Files.readAttributes(socket(), "unix:ino").get("ino")).isEqualTo(inode);
    }
  }

  @Test
  void secondServer_sameRunDir_isRefused_firstKeepsServing() throws Exception {
    start();
    UnixSocketControlServer first = server;
    assertThatThrownBy(
            () -> UnixSocketControlServer.open(runDir, watch, commands, log))
        .isInstanceOf(ControlSocketTakenException.class);
    try (SseTestClient client = SseTestClient.connect(first.path())) {
      assertThat(client.next(WAIT).type()).isEqualTo("state");
    }
  }

  @Test
  void regularFile_isRefused_andKept() throws Exception {
    Files.writeString(socket(), "precious");
    assertThatThrownBy(this::start)
        .isInstanceOf(ControlSocketTakenException.class)
        .hasMessageContaining("is not a socket");
    assertThat(socket()).hasContent("precious");
  }

  @Test
  void symlink_isRefused_andKept() throws Exception {
    Files.createSymbolicLink(socket(), runDir.resolve("elsewhere"));
    assertThatThrownBy(this::start).isInstanceOf(ControlSocketTakenException.class);
    assertThat(Files.isSymbolicLink(socket())).isTrue();
  }

  @Test
  void pathTooLong_failsClearly() throws Exception {
    java.nio.file.Path deep = Files.createDirectories(runDir.resolve("d".repeat(100)));
    assertThatThrownBy(() -> UnixSocketControlServer.open(deep, watch, commands, log))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("too long");
  }

  @Test
  void controlPathOfTheLimit_opens_oneByteMore_failsNamingTheLimit() throws Exception {
    int room = ControlSocketFile.MAX_CONTROL_PATH_BYTES - (runDir + "/x/control").length();
    java.nio.file.Path fits = Files.createDirectories(runDir.resolve("d".repeat(room + 1)));
    java.nio.file.Path over = Files.createDirectories(runDir.resolve("d".repeat(room + 2)));

    try (UnixSocketControlServer opened = UnixSocketControlServer.open(fits, watch, commands, log)) {
      assertThat(opened.path().toString()).hasSize(101);
    }
    assertThatThrownBy(() -> UnixSocketControlServer.open(over, watch, commands, log))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageStartingWith("socket path too long for a unix socket (102 > 101 bytes;");
  }
}
