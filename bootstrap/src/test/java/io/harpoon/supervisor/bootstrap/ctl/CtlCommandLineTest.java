package io.harpoon.supervisor.bootstrap.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpoon.supervisor.bootstrap.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CtlCommandLineTest {

  private final CtlCommandLine parser = new CtlCommandLine();

  @Test
  void help_printsUsageToStdoutAndExitsZero() {
    CtlRun run = CtlRun.of("status", "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).isEqualTo(parser.usage());
    assertThat(run.out())
        .startsWith("usage: harpoonctl [--dir DIR] COMMAND [options]\n")
        .contains("  5  timed out (--timeout)\n");
  }

  @Test
  void version_printsProgramVersionAndCommit() {
    CtlRun run = CtlRun.of("--version");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).matches("harpoonctl \\S+ \\(commit \\S+\\) on Java .*\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                           | no command: give one of status, watch, stop, kill, exit",
        "restart                      | unknown command 'restart': give one of status, watch, stop,"
            + " kill, exit",
        "status now                   | unexpected argument 'now'",
        "stop --json                  | --json does not apply to stop",
        "status --wait                | --wait does not apply to status",
        "exit --wait                  | --wait does not apply to exit",
        "kill --raw                   | --raw does not apply to kill",
        "status --timeout 0           | --timeout: '0' is not a positive duration such as 500ms or"
            + " 2s",
        "status --timeout soon        | --timeout: 'soon' is not a positive duration such as 500ms"
            + " or 2s",
        "status --frobnicate          | Unrecognized option: --frobnicate",
      })
  void badCommandLine_exitsUsageWithOneLineAndTheUsage(String args, String message) {
    CtlRun run = CtlRun.of(args.isEmpty() ? new String[0] : args.split(" "));

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.exitCode().code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("harpoonctl: " + message + "\n" + parser.usage());
    assertThat(run.out()).isEmpty();
  }

  @Test
  void noDir_socketIsControlInTheCurrentDirectory() throws UsageException {
    CtlOptions options = parser.parse(new String[] {"status"});

    assertThat(options.socket()).isEqualTo(Path.of(".", "control"));
  }

  @Test
  void optionsAfterTheCommand_areAccepted() throws UsageException {
    CtlOptions options =
        parser.parse(new String[] {"stop", "--wait", "-d", "/run/x", "--timeout", "1m30s"});

    assertThat(options.action()).isEqualTo(Action.STOP);
    assertThat(options.await()).isTrue();
    assertThat(options.socket()).isEqualTo(Path.of("/run/x/control"));
    assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(90));
  }

  @ParameterizedTest
  @CsvSource({"status, 5", "watch, 5", "stop, 5", "stop --wait, 30", "kill --wait, 30", "exit, 30"})
  void defaultTimeout_isLongOnlyForWaitingOnAnOutcome(String args, int seconds)
      throws UsageException {
    assertThat(parser.parse(args.split(" ")).timeout()).isEqualTo(Duration.ofSeconds(seconds));
  }

  @Test
  void unknownOption_isNotPartiallyMatched() {
    assertThatThrownBy(() -> parser.parse(new String[] {"status", "--js"}))
        .isInstanceOf(UsageException.class);
  }
}
