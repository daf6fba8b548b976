package io.harpoon.supervisor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManualStartTest {

  @TempDir Path dir;

  @Test
  void terminalWithoutRoot_isAMistakeNamingRoot() {
    assertThat(new ManualStart(true, false, dir).problem())
        .hasValueSatisfying(message -> assertThat(message).startsWith("not running as root"));
  }

  @Test
  void terminalAsRootWithoutAgentJson_isAMistakeNamingTheDirectory() {
    assertThat(new ManualStart(true, true, dir).problem())
        .hasValueSatisfying(message -> assertThat(message).startsWith("no agent.json in " + dir));
  }

  @Test
  void terminalAsRootInARunDirectory_isFine() throws Exception {
    Files.writeString(dir.resolve("agent.json"), "{}");

    assertThat(new ManualStart(true, true, dir).problem()).isEmpty();
  }

  @Test
  void noTerminal_theAgentsCase_isNeverAMistake() {
    assertThat(new ManualStart(false, false, dir).problem()).isEmpty();
  }

  @Test
  void stdinIsTerminal_readsWhereFdZeroLeads() throws Exception {
    Path pts = Files.createSymbolicLink(dir.resolve("pts"), Path.of("/dev/pts/3"));
    Path tty = Files.createSymbolicLink(dir.resolve("tty"), Path.of("/dev/tty1"));
    Path pipe = Files.createSymbolicLink(dir.resolve("pipe"), Path.of("pipe:[12345]"));
    Path file = Files.writeString(dir.resolve("file"), "");

    assertThat(ManualStart.stdinIsTerminal(pts)).isTrue();
    assertThat(ManualStart.stdinIsTerminal(tty)).isTrue();
    assertThat(ManualStart.stdinIsTerminal(pipe)).isFalse();
    assertThat(ManualStart.stdinIsTerminal(Path.of("/dev/null"))).isFalse();
    assertThat(ManualStart.stdinIsTerminal(file)).isFalse();
  }
}
