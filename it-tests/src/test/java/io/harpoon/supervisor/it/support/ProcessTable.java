package io.harpoon.supervisor.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the process table of an environment from {@code /proc/<pid>/stat} (proc(5)). */
public final class ProcessTable {

  /**
   * One process.
   *
   * @param pid its pid
   * @param command the comm field
   * @param state the one-letter state ({@code Z} for a zombie)
   * @param parent its parent pid
   */
  public record Entry(long pid, String command, char state, long parent) {}

  private ProcessTable() {}

  /** Every process visible in the environment now. */
  public static List<Entry> read(Environment environment) {
    CommandResult result = environment.run("sh", "-c", "cat /proc/[0-9]*/stat 2>/dev/null; true");
    List<Entry> entries = new ArrayList<>();
    for (String line : result.stdout().split("\n")) {
      parse(line).ifPresent(entries::add);
    }
    return entries;
  }

  /** The zombies whose parent is {@code parent}. */
  public static List<Entry> zombiesOf(Environment environment, long parent) {
    return read(environment).stream().filter(e -> e.state() == 'Z' && e.parent() == parent).toList();
  }

  private static Optional<Entry> parse(String line) {
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split at the last ')'.
    int open = line.indexOf(" (");
    int close = line.lastIndexOf(')');
    if (open < 0 || close < open || close + 2 >= line.length()) {
      return Optional.empty();
    }
    String[] rest = line.substring(close + 2).split(" ");
    if (rest.length < 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Entry(Long.parseLong(line.substring(0, open)),
          line.substring(open + 2, close), rest[0].charAt(0), Long.parseLong(rest[1])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
