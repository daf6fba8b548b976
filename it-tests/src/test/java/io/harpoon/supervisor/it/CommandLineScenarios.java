package io.harpoon.supervisor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SupervisorFixture;
import io.harpoon.supervisor.it.support.SupervisorProcess;
import io.harpoon.supervisor.it.support.Workloads;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Usage errors exit 2 before anything is created; --help and --version exit 0 (SPEC §2). */
public interface CommandLineScenarios extends Scenario {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--hostname h -- true                 | ID",
      "--hostname h --ID ../x -- true       | ../x",
      "--hostname h --ID .x -- true         | .x",
      "--hostname h --ID ok --              | command",
      "--hostname h --ID ok                 | command",
      "--ID ok -- true                      | hostname",
      "--hostname h --ID ok --bogus -- true | bogus"})
  default void usageError_started_exitsTwoAndCreatesNothing(String arguments, String named)
      throws IOException {
    RunDirectory dir = fixture().runDirectory();
    List<String> before = dir.entries();

    SupervisorProcess supervisor = fixture().launch(dir, List.of(arguments.trim().split(" +")));

    assertThat(supervisor.awaitExit(SupervisorFixture.STARTUP)).isEqualTo(2);
    assertThat(supervisor.stderr()).contains(named).containsIgnoringCase("usage");
    assertThat(dir.entries()).as("nothing created in the run directory").isEqualTo(before);
  }

  @Test
  default void lowerCaseIdAlias_started_runsTheContainer() throws IOException {
    RunDirectory dir = fixture().runDirectory();
    List<String> arguments = new java.util.ArrayList<>(SupervisorFixture.arguments(dir,
        SupervisorFixture.FAST_OPTIONS, Workloads.TERM_HANDLER));
    arguments.set(arguments.indexOf("--ID"), "--id");
    SupervisorProcess supervisor = fixture().launch(dir, arguments);
    supervisor.awaitControlSocket(dir.control(), SupervisorFixture.STARTUP);

    awaitRunning(fixture().connect(dir), supervisor);

    assertThat(fixture().run("runc", "state", dir.id()).stdout()).contains("\"running\"");
  }

  @Test
  default void help_started_printsUsageAndExitsZero() throws IOException {
    RunDirectory dir = fixture().runDirectory();

    SupervisorProcess supervisor = fixture().launch(dir, List.of("--help"));

    assertThat(supervisor.awaitExit(SupervisorFixture.STARTUP)).isZero();
    assertThat(supervisor.stdout() + supervisor.stderr()).contains("--hostname", "--ID");
  }

  @Test
  default void version_started_printsVersionAndExitsZero() throws IOException {
    RunDirectory dir = fixture().runDirectory();

    SupervisorProcess supervisor = fixture().launch(dir, List.of("--version"));

    assertThat(supervisor.awaitExit(SupervisorFixture.STARTUP)).isZero();
    assertThat(supervisor.stdout()).isNotBlank();
  }
}
