package io.harpoon.supervisor.bootstrap.ctl;

import java.util.List;
import java.util.Set;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The options of {@code harpoonctl}, as commons-cli declares them (and the help lays them out). */
final class CtlOptionSet {

  static final String TIMEOUT = "timeout";

  /** The options that take a value: the word after them is no command. */
  private static final Set<String> WITH_VALUE = Set.of("-d", "--dir", "--" + TIMEOUT);

  private CtlOptionSet() {}

  static Options options() {
    return new Options()
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
                .desc("status, ls: JSON: the state as the supervisor sent it, with its \"status\"")
                .get())
        .addOption(
            Option.builder()
                .longOpt(CtlOptions.RAW)
                .desc("watch: print the event stream as the supervisor sent it (controls escaped)")
                .get())
        .addOption(
            Option.builder()
                .longOpt(CtlOptions.SAMPLES)
                .desc("watch: also print the metrics samples (every 3 s while the container runs)")
                .get())
        .addOption(
            Option.builder()
                .longOpt(CtlOptions.WAIT)
                .desc("stop, kill: wait until the container is down for good and print how it ended")
                .get())
        .addOption(
            Option.builder()
                .longOpt(TIMEOUT)
                .hasArg()
                .argName("DURATION")
                .desc(
                    "give up after this long, e.g. 500ms or 2m (default: 30s for --wait and exit,"
                        + " 2s per supervisor for ls, else 5s; stop, kill: implies --wait; watch:"
                        + " for the first state only)")
                .get())
        .addOption(Option.builder("h").longOpt("help").desc("print this help and exit").get())
        .addOption(Option.builder().longOpt("version").desc("print the version and exit").get());
  }

  /** The first word that is neither an option nor an option's value: the command, or "". */
  static String commandWord(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (WITH_VALUE.contains(arg)) {
        i++;
      } else if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return "";
  }
}
