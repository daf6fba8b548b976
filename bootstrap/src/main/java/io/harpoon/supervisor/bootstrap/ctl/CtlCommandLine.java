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
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * Parses {@code harpoonctl [--dir DIR] COMMAND [options]} with commons-cli, says what is wrong in
 * its own words ({@link UsageWords}), and writes the help.
 */
final class CtlCommandLine {

  /** What the caller should do after parsing. */
  enum Request {
    RUN,
    HELP,
    VERSION
  }

  static final String PROGRAM = "harpoonctl";
  /** The second line of every usage error, as GNU tools write it. */
  static final String TRY_HELP = "Try '" + PROGRAM + " --help' for more information.";

  private static final int WIDTH = 100;
  private static final String COMMANDS =
      String.join(
          "\n",
          "Commands:",
          "  status [--json]                 the container's state, pid and uptime, once; exits 0 up,",
          "                                  3 down, 4 failed",
          "  ls [--json] DIR...              one line per run directory (or glob): ID, state, pid,",
          "                                  uptime, restarts, OOM kills, memory",
          "  watch [--samples] [--raw]       one line per state change (--samples: every metrics",
          "                                  sample too), until the supervisor exits",
          "  stop [--wait] [--timeout D]     SIGTERM, then SIGKILL after the shutdown grace; no"
              + " restart;",
          "                                  exit 0 with 'already down' when it is",
          "  kill [--wait] [--timeout D]     SIGKILL; no restart; exit 0 with 'already down' when it"
              + " is",
          "  exit [--timeout D]              end the supervisor once the container is down for"
              + " good",
          "  help                            print this help",
          "");

  private final Options options = CtlOptionSet.options();

  /** Help and version win over everything else, as for the supervisor; {@code help} is a command. */
  Request request(String[] args) {
    List<String> all = List.of(args);
    if (all.contains("--help") || all.contains("-h") || CtlOptionSet.commandWord(all).equals("help")) {
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
      throw new UsageException(UsageWords.of(e));
    }
    List<String> words = line.getArgList();
    Action action = action(words);
    checkApplies(line, action);
    Optional<Duration> timeout = timeout(line);
    // --timeout only means something to stop and kill when they wait: asking for it is asking to wait.
    boolean await = line.hasOption(CtlOptions.WAIT)
        || (timeout.isPresent() && action.accepts(CtlOptions.WAIT));
    CtlOptions.Flags flags =
        new CtlOptions.Flags(
            line.hasOption(CtlOptions.JSON),
            line.hasOption(CtlOptions.RAW),
            await,
            line.hasOption(CtlOptions.SAMPLES));
    return new CtlOptions(
        action,
        directories(line, action, words),
        flags,
        timeout.orElse(action.defaultTimeout(await)));
  }

  /**
   * The text of {@code --help}. The options are laid out by the same (deprecated, but stable)
   * formatter as the supervisor's help, so the two read alike.
   */
  @SuppressWarnings("deprecation")
  String usage() {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    out.println("usage: " + PROGRAM + " [--dir DIR] COMMAND [options]");
    out.println("       " + PROGRAM + " ls [--json] DIR...");
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
    for (String own :
        List.of(CtlOptions.JSON, CtlOptions.RAW, CtlOptions.WAIT, CtlOptions.SAMPLES)) {
      if (line.hasOption(own) && !action.accepts(own)) {
        throw new UsageException("--" + own + " does not apply to " + action.word());
      }
    }
    if (action == Action.LS && line.hasOption("dir")) {
      throw new UsageException("ls takes its run directories as arguments, not --dir");
    }
  }

  private static Action action(List<String> words) throws UsageException {
    if (words.isEmpty()) {
      throw new UsageException("no command: give one of " + Action.WORDS);
    }
    Optional<Action> action = Action.parse(words.get(0));
    if (action.isEmpty()) {
      throw new UsageException(
          "unknown command '" + Printable.text(words.get(0)) + "': give one of " + Action.WORDS);
    }
    if (action.get() != Action.LS && words.size() > 1) {
      throw new UsageException("unexpected argument '" + Printable.text(words.get(1)) + "'");
    }
    return action.get();
  }

  private static List<Path> directories(CommandLine line, Action action, List<String> words)
      throws UsageException {
    if (action != Action.LS) {
      return List.of(Path.of(line.getOptionValue("dir", ".")));
    }
    if (words.size() < 2) {
      throw new UsageException("ls needs run directories, e.g. ls /var/lib/harpoon/*");
    }
    return RunDirectories.expand(words.subList(1, words.size()));
  }

  private static Optional<Duration> timeout(CommandLine line) throws UsageException {
    String text = line.getOptionValue(CtlOptionSet.TIMEOUT);
    if (text == null) {
      return Optional.empty();
    }
    Optional<Duration> value = DurationText.parse(text).filter(d -> !d.isZero());
    if (value.isEmpty()) {
      throw new UsageException(
          "--timeout: '" + Printable.text(text) + "' is not a positive duration such as 500ms or 2s");
    }
    return value;
  }
}
