package io.harpoon.supervisor.bootstrap.ctl;

import io.harpoon.supervisor.bootstrap.UsageException;
import io.harpoon.supervisor.domain.container.DurationText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * Parses {@code harpoonctl [--dir DIR] COMMAND [options]} with commons-cli, and writes its help.
 */
final class CtlCommandLine {

  /** What the caller should do after parsing. */
  enum Request {
    RUN,
    HELP,
    VERSION
  }

  static final String PROGRAM = "harpoonctl";
  private static final int WIDTH = 100;
  private static final String TIMEOUT = "timeout";
  private static final String COMMANDS =
      String.join(
          "\n",
          "Commands:",
          "  status [--json]                 the container's state, once",
          "  watch [--raw]                   one line per state change, until the supervisor exits",
          "  stop [--wait] [--timeout D]     SIGTERM, then SIGKILL after the shutdown grace; no"
              + " restart",
          "  kill [--wait] [--timeout D]     SIGKILL; no restart",
          "  exit [--timeout D]              end the supervisor once the container is down for"
              + " good",
          "");

  private final Options options =
      new Options()
          .addOption(
              Option.builder("d")
                  .longOpt("dir")
                  .hasArg()
                  .argName("DIR")
                  .desc("the supervisor's run directory; the socket is DIR/control (default: .)")
                  .get())
          .addOption(
              Option.builder()
                  .longOpt(CtlOptions.JSON)
                  .desc("status: print the state's JSON exactly as the supervisor sent it")
                  .get())
          .addOption(
              Option.builder()
                  .longOpt(CtlOptions.RAW)
                  .desc("watch: print the event stream exactly as the supervisor sent it")
                  .get())
          .addOption(
              Option.builder()
                  .longOpt(CtlOptions.WAIT)
                  .desc(
                      "stop, kill: wait until the container is down for good and print how it"
                          + " ended")
                  .get())
          .addOption(
              Option.builder()
                  .longOpt(TIMEOUT)
                  .hasArg()
                  .argName("DURATION")
                  .desc(
                      "give up after this long, e.g. 500ms or 2m (default: 30s for --wait and exit,"
                          + " else 5s; watch: for the first state only)")
                  .get())
          .addOption(Option.builder("h").longOpt("help").desc("print this help and exit").get())
          .addOption(Option.builder().longOpt("version").desc("print the version and exit").get());

  /** Help and version win over everything else, as for the supervisor. */
  Request request(String[] args) {
    List<String> all = List.of(args);
    if (all.contains("--help") || all.contains("-h")) {
      return Request.HELP;
    }
    return all.contains("--version") ? Request.VERSION : Request.RUN;
  }

  /** The checked command line; throws {@link UsageException} saying what is wrong. */
  CtlOptions parse(String[] args) throws UsageException {
    CommandLine line;
    try {
      line = DefaultParser.builder().setAllowPartialMatching(false).get().parse(options, args);
    } catch (ParseException e) {
      throw new UsageException(e.getMessage());
    }
    Action action = action(line.getArgList());
    checkApplies(line, action);
    boolean await = line.hasOption(CtlOptions.WAIT);
    return new CtlOptions(
        action,
        Path.of(line.getOptionValue("dir", ".")),
        line.hasOption(CtlOptions.JSON),
        line.hasOption(CtlOptions.RAW),
        await,
        timeout(line).orElse(action.defaultTimeout(await)));
  }

  /**
   * The text of {@code --help}; also printed after a usage error. The options are laid out by the
   * same (deprecated, but stable) formatter as the supervisor's help, so the two read alike.
   */
  @SuppressWarnings("deprecation")
  String usage() {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    out.println("usage: " + PROGRAM + " [--dir DIR] COMMAND [options]");
    out.println();
    out.println("Talks to the harpoon-supervisor serving DIR/control.");
    out.println();
    out.print(COMMANDS);
    out.println();
    out.println("Options:");
    new HelpFormatter().printOptions(out, WIDTH, options, 2, 4);
    out.println();
    out.println("Exit codes:");
    for (ExitCode code : ExitCode.values()) {
      out.println("  " + code.code() + "  " + code.meaning());
    }
    out.flush();
    return text.toString();
  }

  private static void checkApplies(CommandLine line, Action action) throws UsageException {
    for (String own : List.of(CtlOptions.JSON, CtlOptions.RAW, CtlOptions.WAIT)) {
      if (line.hasOption(own) && !action.accepts(own)) {
        throw new UsageException("--" + own + " does not apply to " + action.word());
      }
    }
  }

  private static Action action(List<String> words) throws UsageException {
    if (words.isEmpty()) {
      throw new UsageException("no command: give one of status, watch, stop, kill, exit");
    }
    if (words.size() > 1) {
      throw new UsageException("unexpected argument '" + words.get(1) + "'");
    }
    return Action.parse(words.get(0))
        .orElseThrow(
            () ->
                new UsageException(
                    "unknown command '"
                        + words.get(0)
                        + "': give one of status, watch, stop, kill, exit"));
  }

  private static Optional<Duration> timeout(CommandLine line) throws UsageException {
    String text = line.getOptionValue(TIMEOUT);
    if (text == null) {
      return Optional.empty();
    }
    Optional<Duration> value = DurationText.parse(text).filter(d -> !d.isZero());
    if (value.isEmpty()) {
      throw new UsageException(
          "--timeout: '" + text + "' is not a positive duration such as 500ms or 2s");
    }
    return value;
  }
}
