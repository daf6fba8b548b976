package io.harpoon.supervisor.application.loop;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.WaitStatus;
import java.util.List;
import java.util.Locale;

/**
 * How the supervisor's log and {@code harpoonctl} put exits, signals and sizes into words: one
 * spelling for both, never a Java {@code toString} ({@code Exited[code=3]}).
 */
public final class OperatorWords {

  private static final List<String> SIGNALS =
      List.of(
          "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV",
          "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU",
          "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");
  private static final List<String> UNITS = List.of("B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB");

  private OperatorWords() {}

  /** {@code exited 0}, {@code killed by SIGKILL}, {@code OOM-killed}, {@code unknown}, {@code none}. */
  public static String exit(ExitStatus status) {
    if (status instanceof ExitStatus.Exited) {
      return "exited " + ((ExitStatus.Exited) status).code();
    }
    if (status instanceof ExitStatus.Signaled) {
      return "killed by " + signal(((ExitStatus.Signaled) status).signal());
    }
    if (status instanceof ExitStatus.OomKilled) {
      return "OOM-killed";
    }
    return status instanceof ExitStatus.Unknown ? "unknown" : "none";
  }

  /** What {@code waitpid(2)} reported, before any OOM verdict: {@code exited 3}, {@code killed by SIGTERM}. */
  public static String exit(WaitStatus status) {
    if (status instanceof WaitStatus.Exited) {
      return "exited " + ((WaitStatus.Exited) status).code();
    }
    if (status instanceof WaitStatus.Signaled) {
      return "killed by " + signal(((WaitStatus.Signaled) status).signal());
    }
    return "ended, how could not be observed";
  }

  /** {@code SIGTERM} for 15; Linux numbering (signal(7)); real-time and unknown ones by number. */
  public static String signal(int number) {
    return number > 0 && number < SIGNALS.size() ? "SIG" + SIGNALS.get(number) : "signal " + number;
  }

  /** Binary units with one decimal, dropped when zero: {@code 512 B}, {@code 1.5 KiB}, {@code 64 MiB}. */
  public static String bytes(long count) {
    int unit = 0;
    double value = count;
    while (value >= 1024 && unit < UNITS.size() - 1) {
      value /= 1024;
      unit++;
    }
    String number = String.format(Locale.ROOT, "%.1f", value);
    if (number.endsWith(".0")) {
      number = number.substring(0, number.length() - 2);
    }
    return number + " " + UNITS.get(unit);
  }
}
