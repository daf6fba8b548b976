package io.harpoon.supervisor.bootstrap.ctl;

import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/** commons-cli's complaints ("Missing argument for option: d") in harpoonctl's own words. */
final class UsageWords {

  private UsageWords() {}

  static String of(ParseException problem) {
    if (problem instanceof UnrecognizedOptionException) {
      return "unknown option '" + Printable.text(((UnrecognizedOptionException) problem).getOption())
          + "'";
    }
    if (problem instanceof MissingArgumentException) {
      String name = ((MissingArgumentException) problem).getOption().getLongOpt();
      return "--" + name + " needs a value, e.g. " + example(name);
    }
    return "cannot read the command line: " + Printable.text(problem.getMessage());
  }

  private static String example(String option) {
    return option.equals("dir") ? "--dir /var/lib/harpoon/web-1" : "--" + option + " 10s";
  }
}
