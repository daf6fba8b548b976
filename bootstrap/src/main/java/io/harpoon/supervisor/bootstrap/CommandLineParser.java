package io.harpoon.supervisor.bootstrap;

import io.harpoon.supervisor.adapters.runtime.RuntimePolicy;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.DurationText;
import io.harpoon.supervisor.domain.restart.Backoff;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** Parses {@code harpoon-supervisor [options] -- COMMAND [ARG...]} (SPEC §2) with commons-cli. */
public final class CommandLineParser {

  /** What the caller should do after parsing. */
  public enum Request { RUN, HELP, VERSION }

  static final String SYNOPSIS = "harpoon-supervisor --hostname HOST --ID ID [options] -- COMMAND [ARG...]";
  private static final int DEFAULT_MAX_CLIENTS = 1024;
  /** The kernel's largest pid_max (PID_MAX_LIMIT on 64-bit): no cgroup can hold more tasks. */
  private static final long MAX_PIDS_LIMIT = 4_194_304;

  private final Options options = new Options()
      .addOption(Option.builder().longOpt("hostname").hasArg().argName("HOST")
          .desc("hostname inside the container's UTS namespace (required)").build())
      .addOption(Option.builder().longOpt("ID").hasArg().argName("ID")
          .desc("container id, unique on the host: names the cgroup harpoon/ID and the runtime's "
              + "container (required; " + ContainerId.RULE + ")").build())
      .addOption(Option.builder().longOpt("id").hasArg().argName("ID").desc("alias of --ID").build())
      .addOption(Option.builder().longOpt("runtime").hasArg().argName("BIN")
          .desc("OCI runtime binary, runc or crun (default: runc)").build())
      .addOption(Option.builder().longOpt("runtime-root").hasArg().argName("DIR")
          .desc("state directory of the runtime (default: the runtime's own, /run/runc for runc)").build())
      .addOption(Option.builder().longOpt("restart-delay").hasArg().argName("DURATION")
          .desc("delay before a restart (default: 1s); doubles for quick crashes").build())
      .addOption(Option.builder().longOpt("max-restart-delay").hasArg().argName("DURATION")
          .desc("cap of the doubled restart delay (default: 30s)").build())
      .addOption(Option.builder().longOpt("backoff-reset").hasArg().argName("DURATION")
          .desc("a run this long resets the restart delay (default: 10s)").build())
      .addOption(Option.builder().longOpt("max-clients").hasArg().argName("N")
          .desc("control clients connected at once (default: " + DEFAULT_MAX_CLIENTS + ")").build())
      .addOption(Option.builder().longOpt("pids-limit").hasArg().argName("N")
          .desc("most processes and threads the container may have at once, 0 or max for no limit "
              + "(default: " + RuntimePolicy.DEFAULT_PIDS_LIMIT + ")").build())
      .addOption(Option.builder().longOpt("log-format").hasArg().argName("FORMAT")
          .desc("the supervisor's own log lines: text, or json for log shippers (default: text)").build())
      .addOption(Option.builder().longOpt("version").desc("print the version and exit").build())
      .addOption(Option.builder().longOpt("help").desc("print this help and exit").build());

  /**
   * What was asked: run (then {@link #parse} the command line), help or version. Static: it reads only
   * the words before {@code --}, so the supervisor knows it will run before building the options.
   */
  public static Request request(String[] args) {
    List<String> before = optionsPart(args);
    if (before.contains("--help") || before.contains("-h")) {
      return Request.HELP;
    }
    return before.contains("--version") ? Request.VERSION : Request.RUN;
  }

  /** The checked command line; throws {@link UsageException} saying what is wrong. */
  public CommandLine parse(String[] args) throws UsageException {
    List<String> all = Arrays.asList(args);
    int separator = all.indexOf("--");
    String[] optionArgs = optionsPart(args).toArray(new String[0]);
    List<String> command = separator < 0 ? List.of() : all.subList(separator + 1, all.size());
    org.apache.commons.cli.CommandLine line;
    try {
      line = DefaultParser.builder().setAllowPartialMatching(false).build().parse(options, optionArgs, false);
    } catch (ParseException e) {
      throw new UsageException(e.getMessage());
    }
    if (!line.getArgList().isEmpty()) {
      throw new UsageException("unexpected argument '" + line.getArgList().get(0) + "' (put the command after --)");
    }
    String hostname = required(line, "hostname");
    if (hostname.isEmpty() || hostname.length() > 64) {
      throw new UsageException("--hostname must be 1 to 64 characters");
    }
    ContainerId id = id(line);
    if (command.isEmpty() || command.get(0).isEmpty()) {
      throw new UsageException("no command: give it after --");
    }
    return new CommandLine(hostname, id, command, line.getOptionValue("runtime", "runc"),
        Optional.ofNullable(line.getOptionValue("runtime-root")), backoff(line), maxClients(line),
        new RuntimePolicy(pidsLimit(line)), logFormat(line));
  }

  /** The usage text printed by --help and after a usage error. */
  public String usage() {
    StringWriter out = new StringWriter();
    HelpFormatter help = new HelpFormatter();
    help.setWidth(100);
    help.printHelp(new PrintWriter(out), 100, SYNOPSIS,
        "\nStarts the container described by ./agent.json and ./rootfs, supervises it, and serves its "
            + "state on the unix socket ./control.\n\n",
        options, 2, 4,
        "\nExit codes: 0 after an accepted exit command or a signal-driven shutdown, 1 when supervision "
            + "is impossible (e.g. another supervisor owns ./control, or started from a terminal without "
            + "root or ./agent.json), 2 for usage errors.");
    return out.toString();
  }

  private static List<String> optionsPart(String[] args) {
    List<String> all = Arrays.asList(args);
    int separator = all.indexOf("--");
    return separator < 0 ? all : all.subList(0, separator);
  }

  private static ContainerId id(org.apache.commons.cli.CommandLine line) throws UsageException {
    String upper = line.getOptionValue("ID");
    String lower = line.getOptionValue("id");
    if (upper != null && lower != null && !upper.equals(lower)) {
      throw new UsageException("--ID and --id disagree");
    }
    String value = upper != null ? upper : lower;
    if (value == null) {
      throw new UsageException("missing required option --ID");
    }
    return ContainerId.parse(value)
        .orElseThrow(() -> new UsageException("invalid --ID '" + value + "': " + ContainerId.RULE));
  }

  private static Backoff backoff(org.apache.commons.cli.CommandLine line) throws UsageException {
    Duration base = duration(line, "restart-delay", Backoff.DEFAULT.base());
    Duration max = duration(line, "max-restart-delay", Backoff.DEFAULT.max());
    Duration reset = duration(line, "backoff-reset", Backoff.DEFAULT.resetAfter());
    return new Backoff(base, max, reset);
  }

  private static Duration duration(org.apache.commons.cli.CommandLine line, String name, Duration fallback)
      throws UsageException {
    String text = line.getOptionValue(name);
    if (text == null) {
      return fallback;
    }
    return DurationText.parse(text)
        .orElseThrow(() -> new UsageException("--" + name + ": '" + text + "' is not a duration such as 500ms or 2s"));
  }

  private static int maxClients(org.apache.commons.cli.CommandLine line) throws UsageException {
    String text = line.getOptionValue("max-clients", String.valueOf(DEFAULT_MAX_CLIENTS));
    try {
      int value = Integer.parseInt(text);
      if (value < 1 || value > 65536) {
        throw new UsageException("--max-clients must be between 1 and 65536");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new UsageException("--max-clients: '" + text + "' is not a number");
    }
  }

  /** A count of tasks; {@code 0} and {@code max} (cgroup's word for none) mean no limit. */
  private static long pidsLimit(org.apache.commons.cli.CommandLine line) throws UsageException {
    String text = line.getOptionValue("pids-limit", String.valueOf(RuntimePolicy.DEFAULT_PIDS_LIMIT));
    if (text.equals("max")) {
      return 0;
    }
    try {
      long value = Long.parseLong(text);
      if (value < 0 || value > MAX_PIDS_LIMIT) {
        throw new UsageException("--pids-limit must be between 0 (no limit) and " + MAX_PIDS_LIMIT);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new UsageException("--pids-limit: '" + text + "' is not a number or max");
    }
  }

  private static String logFormat(org.apache.commons.cli.CommandLine line) throws UsageException {
    String format = line.getOptionValue("log-format", "text");
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--log-format: '" + format + "' is not text or json");
    }
    return format;
  }

  private static String required(org.apache.commons.cli.CommandLine line, String name) throws UsageException {
    String value = line.getOptionValue(name);
    if (value == null) {
      throw new UsageException("missing required option --" + name);
    }
    return value;
  }
}
