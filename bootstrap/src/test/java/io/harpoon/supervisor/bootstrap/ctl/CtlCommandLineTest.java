package io.harpoon.supervisor.bootstrap.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpoon.supervisor.bootstrap.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        "''                           | no command: give one of status, ls, watch, stop, kill, exit,"
            + " help",
        "restart                      | unknown command 'restart': give one of status, ls, watch,"
            + " stop, kill, exit, help",
        "status now                   | unexpected argument 'now'",
        "stop --json                  | --json does not apply to stop",
        "status --wait                | --wait does not apply to status",
        "exit --wait                  | --wait does not apply to exit",
        "kill --raw                   | --raw does not apply to kill",
        "status --timeout 0           | --timeout: '0' is not a positive duration such as 500ms or"
            + " 2s",
        "status --timeout soon        | --timeout: 'soon' is not a positive duration such as 500ms"
            + " or 2s",
        "status --frobnicate          | unknown option '--frobnicate'",
        "status --dir                 | --dir needs a value, e.g. --dir /var/lib/harpoon/web-1",
        "stop --timeout               | --timeout needs a value, e.g. --timeout 10s",
        "watch --json                 | --json does not apply to watch",
        "status --samples             | --samples does not apply to status",
        "ls                           | ls needs run directories, e.g. ls /var/lib/harpoon/*",
        "ls --dir /x /y               | ls takes its run directories as arguments, not --dir",
      })
  void badCommandLine_exitsUsageWithOneLineAndWhereToLook(String args, String message) {
    CtlRun run = CtlRun.of(args.isEmpty() ? new String[0] : args.split(" "));

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.exitCode().code()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo("harpoonctl: " + message + "\nTry 'harpoonctl --help' for more information.\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unknownCommandWithAnEscape_isPrintedEscaped() {
    CtlRun run = CtlRun.of("st\u001b[31mop");

    assertThat(run.err()).startsWith("harpoonctl: unknown command 'st\\x1b[31mop'");
  }

  @ParameterizedTest
  @CsvSource({"help", "--dir /x help", "help status"})
  void helpCommand_printsTheHelp(String args) {
    CtlRun run = CtlRun.of(args.split(" "));

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).isEqualTo(parser.usage());
  }

  @Test
  void timeout_onStopOrKill_impliesWait() throws UsageException {
    assertThat(parser.parse(new String[] {"stop", "--timeout", "5s"}).await()).isTrue();
    assertThat(parser.parse(new String[] {"kill", "--timeout", "5s"}).await()).isTrue();
    assertThat(parser.parse(new String[] {"stop"}).await()).isFalse();
    assertThat(parser.parse(new String[] {"status", "--timeout", "5s"}).await()).isFalse();
  }

  @Test
  void ls_takesDirectoriesAndExpandsAQuotedGlobInNameOrder(@org.junit.jupiter.api.io.TempDir Path root)
      throws Exception {
    for (String name : List.of("web-2", "web-1", "db-1")) {
      java.nio.file.Files.createDirectory(root.resolve(name));
    }
    java.nio.file.Files.writeString(root.resolve("web-3.txt"), "not a directory");

    CtlOptions options = parser.parse(new String[] {"ls", root + "/web-*", "/elsewhere"});

    assertThat(options.action()).isEqualTo(Action.LS);
    assertThat(options.directories())
        .containsExactly(root.resolve("web-1"), root.resolve("web-2"), Path.of("/elsewhere"));
    assertThat(options.timeout()).isEqualTo(Action.LIST_TIMEOUT);
  }

  @Test
  void ls_globMatchingNothing_isAUsageError(@org.junit.jupiter.api.io.TempDir Path root) {
    assertThatThrownBy(() -> parser.parse(new String[] {"ls", root + "/nothing-*"}))
        .isInstanceOf(UsageException.class)
        .hasMessage("no run directory matches '" + root + "/nothing-*'");
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
  @CsvSource({"status, 5", "watch, 5", "stop, 5", "stop --wait, 30", "kill --wait, 30", "exit, 30",
      "ls /x, 2"})
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
