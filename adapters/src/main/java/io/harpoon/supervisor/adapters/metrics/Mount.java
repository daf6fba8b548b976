package io.harpoon.supervisor.adapters.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One line of {@code /proc/self/mountinfo} (proc(5)): the part of the filesystem mounted ({@code
 * root}), where ({@code mountPoint}), its type and its superblock options, which for a v1 cgroup
 * name its controllers ({@code rw,cpu,cpuacct}).
 */
record Mount(String root, String mountPoint, String fsType, Set<String> superOptions) {

  Mount {
    superOptions = Set.copyOf(superOptions);
  }

  /**
   * Parses {@code id parent major:minor root mount-point options [optional fields...] - type source
   * super-options}, or empty when the line does not have that shape.
   */
  static Optional<Mount> parse(String line) {
    List<String> fields = Arrays.asList(line.trim().split(" "));
    int separator = fields.indexOf("-");
    if (separator < 6 || fields.size() < separator + 4 || !fields.get(4).startsWith("/")) {
      return Optional.empty();
    }
    Set<String> options = Set.copyOf(Arrays.asList(fields.get(separator + 3).split(",")));
    return Optional.of(
        new Mount(
            unescape(fields.get(3)), unescape(fields.get(4)), fields.get(separator + 1), options));
  }

  /**
   * The kernel writes space, tab, newline and backslash in paths as octal escapes ({@code \040}).
   */
  static String unescape(String field) {
    StringBuilder out = new StringBuilder(field.length());
    int i = 0;
    while (i < field.length()) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length() && isOctal(field, i + 1)) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 4;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String text, int from) {
    for (int i = from; i < from + 3; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '7') {
        return false;
      }
    }
    return true;
  }

  /** A v1 cgroup hierarchy that carries {@code controller}. */
  boolean isV1With(String controller) {
    return fsType.equals("cgroup") && superOptions.contains(controller);
  }

  /** The unified (v2) hierarchy. */
  boolean isV2() {
    return fsType.equals("cgroup2");
  }
}
