package io.harpoon.supervisor.adapters.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real signals sent from outside to a child JVM running {@link SignalProbe}. */
class JdkOsSignalsProcessTest {

  private static final long WAIT_SECONDS = 30;

  private Process probe;
  private BufferedReader out;

  @AfterEach
  void stopProbe() {
    if (probe != null) {
      probe.destroyForcibly();
    }
  }

  @Test
  void sigtermTwice_eachIsATerminationRequest_andNoShutdownHookRuns() throws Exception {
    start(List.of());
    assertThat(out.readLine()).isEqualTo("installed [TERM, INT]");

    kill("TERM");
    assertThat(out.readLine()).isEqualTo("termination-requested 1");
    kill("INT");
    assertThat(out.readLine()).isEqualTo("termination-requested 2");

    assertThat(probe.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(probe.exitValue()).isZero();
    assertThat(rest()).doesNotContain("shutdown-hook");
  }

  @Test
  void sigintIgnoredByTheParent_install_handlesItAllTheSame() throws Exception {
    // As a shell starts a background job: SIGINT ignored across the exec.
    start(List.of("/bin/sh", "-c", "trap '' INT; exec \"$@\"", "sh"));
    assertThat(out.readLine())
        .isEqualTo("info SIGINT was ignored by the parent process: handled all the same");
    assertThat(out.readLine()).isEqualTo("installed [TERM, INT]");

    kill("INT");
    assertThat(out.readLine()).as("the first SIGINT is a graceful stop").isEqualTo("termination-requested 1");
    kill("INT");
    assertThat(out.readLine()).isEqualTo("termination-requested 2");

    assertThat(probe.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(probe.exitValue()).isZero();
  }

  private void start(List<String> prefix) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(prefix);
    command.addAll(
        List.of(
            java,
            "-Xshare:auto",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            SignalProbe.class.getName()));
    probe = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    out = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8));
  }

  private void kill(String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(probe.pid())).start();
    assertThat(kill.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  private List<String> rest() throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      lines.add(line);
    }
    return lines;
  }
}
