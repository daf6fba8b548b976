package io.harpoon.supervisor.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run behind the distribution's class-data-sharing archive ({@code mvn package} runs it with
 * {@code -XX:ArchiveClassesAtExit}): the supervisor's whole start path — command line, Guice, agent.json,
 * the control socket, jnr, spawning the runtime, publishing a state, {@code exit} — without root or a real
 * runtime. The runtime is {@code false}, so the start fails and is reported like any runtime failure.
 * Never fails the build: a failed training only means a smaller archive.
 */
public final class CdsTraining {

  private static final Duration BUDGET = Duration.ofSeconds(30);

  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    Path runDirectory = Files.createTempDirectory(Path.of("/tmp"), "hs-cds");
    try {
      Files.writeString(runDirectory.resolve("agent.json"), "{\"restart\": \"no\"}");
      Files.createDirectory(runDirectory.resolve("rootfs"));
      Thread client = new Thread(() -> exitOnceFailed(runDirectory.resolve("control")), "cds-client");
      client.setDaemon(true);
      client.start();
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      int code = new Main(quiet, quiet).run(new String[] {
          "--hostname", "cds", "--ID", "hs-cds-" + ProcessHandle.current().pid(), "--runtime", "false",
          "--", "true"}, runDirectory);
      recordJdk();
      System.out.println("CDS training run finished with exit code " + code);
    } finally {
      try (Stream<Path> files = Files.walk(runDirectory)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /**
   * Writes the JDK the archive belongs to beside it ({@code lib/harpoon-supervisor.jsa.jdk}): the launcher
   * passes the archive only to that JDK.
   */
  private static void recordJdk() throws IOException {
    try {
      Path lib = Path.of(CdsTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .getParent();
      Files.writeString(lib.resolve("harpoon-supervisor.jsa.jdk"),
          Path.of(System.getProperty("java.home")).toRealPath() + "\n");
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
  }

  /** Reads states until the failed start is reported, then sends {@code exit}, as an agent would. */
  private static void exitOnceFailed(Path socket) {
    Instant deadline = Instant.now().plus(BUDGET);
    while (Instant.now().isBefore(deadline)) {
      try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
        InputStream in = Channels.newInputStream(channel);
        StringBuilder seen = new StringBuilder();
        int b;
        while (seen.indexOf("\"err\"") < 0 && (b = in.read()) >= 0) {
          seen.append((char) b);
        }
        channel.write(java.nio.ByteBuffer.wrap("event: exit\n\n".getBytes(StandardCharsets.UTF_8)));
        return;
      } catch (IOException notYet) {
        Thread.onSpinWait();
      }
    }
    System.err.println("CDS training: no failed state within " + BUDGET + "; the archive will be smaller");
    System.exit(0);
  }
}
