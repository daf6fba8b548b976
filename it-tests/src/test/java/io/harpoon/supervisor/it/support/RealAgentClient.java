package io.harpoon.supervisor.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The original agent's own decisions: {@code realclient -agent} (built from harpoon-agent's code, see
 * the reference README), run as a process beside the test. Its output lines are read as they come:
 * {@code AGENT status=running}, {@code AGENT verdict=finished state={..}}, {@code AGENT verdict=failed
 * err=".." state={..}}, {@code STATE {..}}.
 */
public final class RealAgentClient implements AgentObserver {

  /** Where the binary is looked for unless {@code -Dharpoon.realclient} says otherwise. */
  private static final String PROPERTY = "harpoon.realclient";
  private static final Pattern VERDICT =
      Pattern.compile("AGENT verdict=(finished|failed)(?: err=\"((?:[^\"\\\\]|\\\\.)*)\")? state=(.*)");
  private static final Pattern RESTARTS = Pattern.compile("\"restarts\":(\\d+)");

  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private volatile Outcome outcome;
  private volatile boolean running;
  private volatile long maxRestarts = -1;

  private RealAgentClient(Process process) {
    this.process = process;
    Thread reader = new Thread(this::read, "realclient " + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * The realclient binary, when it is there: at {@code -Dharpoon.realclient}, else in a reference kit
   * {@code shared/reference/} beside the checkout or beside any directory above it (a worktree nests).
   */
  public static Optional<Path> binary() {
    String configured = System.getProperty(PROPERTY, "");
    if (!configured.isEmpty() && Files.isExecutable(Path.of(configured))) {
      return Optional.of(Path.of(configured).toAbsolutePath().normalize());
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/reference/realclient");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Why the real agent's client cannot run here, if it cannot. */
  public static Optional<String> missing() {
    return binary().isPresent() ? Optional.empty()
        : Optional.of("realclient not found (set -D" + PROPERTY + "=PATH; it sits in the reference kit beside"
            + " the repository, ../shared/reference/realclient)");
  }

  /** Starts {@code realclient -agent} on {@code runDirectory}; it waits for the socket itself. */
  public static RealAgentClient watch(Path runDirectory, Optional<String> afterRunning, Duration patience)
      throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of(binary().orElseThrow().toString(),
        "-dir", runDirectory.toString(), "-agent", "-timeout", Long.toString(patience.toSeconds())));
    afterRunning.ifPresent(c -> command.addAll(List.of("-send-after-running", c)));
    return new RealAgentClient(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  @Override
  public Optional<Outcome> awaitVerdict(Duration timeout) {
    return Poll.within(timeout, () -> outcome != null) ? Optional.of(outcome) : Optional.empty();
  }

  @Override
  public boolean awaitRunning(Duration timeout) {
    return Poll.within(timeout, () -> running);
  }

  @Override
  public boolean awaitRestarts(long restarts, Duration timeout) {
    return Poll.within(timeout, () -> maxRestarts >= restarts);
  }

  /** The process's exit status once it ended (0 verdict reached, 3 timeout, 4 EOF without verdict). */
  public Optional<Integer> exitStatus(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
          ? Optional.of(process.exitValue()) : Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public String transcript() {
    return String.join("\n  ", lines);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private void read() {
    try (var reader = new java.io.BufferedReader(
        new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
        onLine(line);
      }
    } catch (IOException ended) {
      lines.add("read error " + ended);
    }
  }

  private void onLine(String line) {
    if (line.startsWith("AGENT status=running")) {
      running = true;
    }
    Matcher restarts = RESTARTS.matcher(line);
    if (line.startsWith("STATE ") && restarts.find()) {
      maxRestarts = Math.max(maxRestarts, Long.parseLong(restarts.group(1)));
    }
    Matcher verdict = VERDICT.matcher(line);
    if (verdict.matches() && outcome == null) {
      Verdict which = verdict.group(1).equals("failed") ? Verdict.FAILED : Verdict.FINISHED;
      String err = verdict.group(2) == null ? "" : verdict.group(2);
      outcome = new Outcome(which, verdict.group(3), err, running);
    }
  }

}
