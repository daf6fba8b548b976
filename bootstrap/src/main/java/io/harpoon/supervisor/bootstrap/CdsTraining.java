package io.harpoon.supervisor.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run behind the distribution's class data (an AOT cache or an AppCDS archive, made by
 * {@code bin/harpoon-supervisor --train-class-data}): one ordinary supervisor life without root or runc.
 * A stand-in runtime (a shell script named {@code runc}) "creates" the container as a real child process,
 * so the run takes the success path — command line, Guice, agent.json, the control socket, jnr, spawning
 * the runtime, adopting and reaping the container, publishing states — then {@code stop} and {@code exit},
 * as an agent would send them. Never fails: a training that goes wrong only means a smaller archive.
 */
public final class CdsTraining {

  private static final Duration BUDGET = Duration.ofSeconds(30);

  /**
   * The stand-in runtime: {@code create} starts the "container" (a sleep, ended by the supervisor's
   * SIGTERM on {@code stop}) and writes its pid; it exits at once, so the supervisor, subreaper, adopts
   * it as runc's init. {@code state} answers as runc does for a container that does not exist.
   */
  private static final String RUNTIME = String.join("\n",
      "#!/bin/sh",
      "pid_file=",
      "command=",
      "while [ $# -gt 0 ]; do",
      "  case $1 in",
      "    --pid-file) pid_file=$2; shift ;;",
      "    --root|--bundle|--log) shift ;;",
      "    create|start|state|delete|kill) [ -n \"$command\" ] || command=$1 ;;",
      "  esac",
      "  shift",
      "done",
      "case $command in",
      "  create) sleep 60 </dev/null >/dev/null 2>&1 & echo $! >\"$pid_file\" ;;",
      "  state) echo 'container does not exist' >&2; exit 1 ;;",
      "esac",
      "");

  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    Path runDirectory = Files.createTempDirectory(Path.of("/tmp"), "hs-cds");
    try {
      Files.writeString(runDirectory.resolve("agent.json"), "{\"restart\": \"no\"}");
      Files.createDirectory(runDirectory.resolve("rootfs"));
      Path runtime = Files.createDirectory(runDirectory.resolve("runtime")).resolve("runc");
      Files.writeString(runtime, RUNTIME);
      Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
      Thread client = new Thread(() -> agent(runDirectory.resolve("control")), "cds-client");
      client.setDaemon(true);
      client.start();
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      int code = new Main(quiet, quiet).run(new String[] {
          "--hostname", "cds", "--ID", "hs-cds-" + ProcessHandle.current().pid(),
          "--runtime", runtime.toString(), "--", "true"}, runDirectory);
      System.out.println("class data training run finished with exit code " + code);
    } finally {
      try (Stream<Path> files = Files.walk(runDirectory)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** Connects as an agent: {@code stop} once the container is up, {@code exit} once it is down. */
  private static void agent(Path socket) {
    Instant deadline = Instant.now().plus(BUDGET);
    while (Instant.now().isBefore(deadline)) {
      try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
        converse(channel);
        return;
      } catch (IOException notYet) {
        Thread.onSpinWait();
      }
    }
    System.err.println("class data training: no supervisor within " + BUDGET + "; the archive will be smaller");
    System.exit(0);
  }

  private static void converse(SocketChannel channel) throws IOException {
    BufferedReader in = new BufferedReader(
        new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
    boolean stopped = false;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (!line.startsWith("data:")) {
        continue;
      }
      if (line.contains("\"err\"") || stopped && line.contains("\"up\":false")) {
        send(channel, "exit");
        return;
      }
      if (!stopped && line.contains("\"up\":true")) {
        send(channel, "stop");
        stopped = true;
      }
    }
  }

  private static void send(SocketChannel channel, String command) throws IOException {
    channel.write(ByteBuffer.wrap(("event: " + command + "\n\n").getBytes(StandardCharsets.UTF_8)));
  }
}
