package io.harpoon.supervisor.bootstrap.ctl;

import io.harpoon.supervisor.bootstrap.UsageException;
import io.harpoon.supervisor.bootstrap.Version;
import java.io.PrintStream;
import java.time.Clock;

/**
 * {@code harpoonctl}: status, ls, watch, stop, kill and exit on supervisors' control sockets, with
 * exit codes a script can act on ({@link ExitCode}).
 */
public final class HarpoonCtl {

  private final Console console;

  HarpoonCtl(PrintStream out, PrintStream err, Clock clock) {
    this.console = new Console(out, err, clock);
  }

  public static void main(String[] args) {
    int code = new HarpoonCtl(System.out, System.err, Clock.systemUTC()).run(args).code();
    System.out.flush();
    System.exit(code);
  }

  ExitCode run(String[] args) {
    CtlCommandLine commandLine = new CtlCommandLine();
    switch (commandLine.request(args)) {
      case HELP:
        console.text(commandLine.usage());
        return ExitCode.OK;
      case VERSION:
        console.result(Version.line(CtlCommandLine.PROGRAM));
        return ExitCode.OK;
      default:
        return parseAndExecute(commandLine, args);
    }
  }

  private ExitCode parseAndExecute(CtlCommandLine commandLine, String[] args) {
    try {
      return execute(commandLine.parse(args));
    } catch (UsageException e) {
      console.problem(e.getMessage());
      console.err().println(CtlCommandLine.TRY_HELP);
      return ExitCode.USAGE;
    } catch (CtlException e) {
      console.problem(e.getMessage());
      return e.exitCode();
    }
  }

  private ExitCode execute(CtlOptions options) throws CtlException {
    switch (options.action()) {
      case STATUS:
        return StatusCommand.run(options, console);
      case LS:
        return LsCommand.run(options, console);
      case WATCH:
        return WatchCommand.run(options, console);
      case STOP:
      case KILL:
        return ShutdownCommand.run(options, console);
      case EXIT:
        return ExitCommand.run(options, console);
      default:
        throw new AssertionError(options.action());
    }
  }
}
