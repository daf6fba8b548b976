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
      assertThat(entries).containsExactlyInAnyOrder(socket(), runDir.resolve("control.lock"));
    }
    assertThat(Files.getPosixFilePermissions(runDir.resolve("control.lock")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(runDir.resolve("control.lock")).hasContent(ProcessHandle.current().pid() + "\n");
  }

  @Test
  void lockHeldByAnotherProcess_isRefusedEvenWithoutASocket_andNothingIsPublished() throws Exception {
    Process holder = new ProcessBuilder("python3", "-c",
        "import fcntl,sys,time; f=open(sys.argv[1],'a'); fcntl.lockf(f, fcntl.LOCK_EX); print('locked', flush=True);"
            + " time.sleep(60)", runDir.resolve("control.lock").toString()).start();
    try {
      assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine())
          .isEqualTo("locked");
      assertThatThrownBy(this::start)
          .isInstanceOf(ControlSocketTakenException.class)
          .hasMessageContaining("another supervisor owns").hasMessageContaining("control.lock");
      assertThat(socket()).doesNotExist();
    } finally {
      holder.destroyForcibly().waitFor();
    }
    start();
    assertThat(ControlSocketFile.isSocket(socket())).as("the lock went with its holder").isTrue();
  }

  @Test
  void manyServersAtOnce_sameRunDir_exactlyOneServesAndTheOthersAreRefused() throws Exception {
    for (int round = 0; round < 20; round++) {
      java.util.List<java.util.concurrent.Future<UnixSocketControlServer>> attempts = new java.util.ArrayList<>();
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      for (int i = 0; i < 4; i++) {
        attempts.add(pool.submit(() -> {
          go.await();
          return UnixSocketControlServer.open(runDir, watch, commands, log);
        }));
      }
      go.countDown();
      java.util.List<UnixSocketControlServer> winners = new java.util.ArrayList<>();
      for (var attempt : attempts) {
        try {
          winners.add(attempt.get());
        } catch (java.util.concurrent.ExecutionException refused) {
          assertThat(refused.getCause()).isInstanceOf(ControlSocketTakenException.class);
        }
      }
      pool.shutdown();
      assertThat(winners).as("round %d", round).hasSize(1);
      try (SseTestClient client = SseTestClient.connect(socket())) {
        assertThat(client.next(WAIT).type()).as("the one that won serves").isEqualTo("state");
      }
      winners.get(0).close();
      assertThat(socket()).doesNotExist();
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
          .as("a live socket without a lock holder: a supervisor of a version before the lock")
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
