package io.harpoon.supervisor.domain.container;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Rules for the paths agent.json names: they end up as mount targets inside the rootfs and as bind
 * sources on the host, so they must be absolute and must not climb with {@code ..}.
 */
final class PathRules {

  private static final int MAX_LENGTH = 4096;

  private PathRules() {}

  /** Why {@code path} is not an acceptable absolute path, or empty when it is. */
  static Optional<String> absoluteProblem(String path) {
    if (path.isEmpty()) {
      return Optional.of("is empty");
    }
    if (path.length() > MAX_LENGTH) {
      return Optional.of("is longer than " + MAX_LENGTH + " characters");
    }
    if (path.indexOf('\0') >= 0) {
      return Optional.of("contains a NUL character");
    }
    if (!path.startsWith("/")) {
      return Optional.of("is not absolute");
    }
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        return Optional.of("contains '..'");
      }
    }
    return Optional.empty();
  }

  /**
   * Like {@link #absoluteProblem}, and the path must not be the root itself (a mount target),
   * however spelled: {@code /}, {@code //} and {@code /.} all name it once normalized.
   */
  static Optional<String> mountTargetProblem(String path) {
    Optional<String> problem = absoluteProblem(path);
    if (problem.isPresent()) {
      return problem;
    }
    boolean root = Arrays.stream(path.split("/")).allMatch(s -> s.isEmpty() || s.equals("."));
    return root ? Optional.of("is the root directory") : problem;
  }

  /**
   * The one spelling of an absolute path: empty and {@code .} segments dropped, so {@code /data/},
   * {@code /data/.} and {@code //data} are all {@code /data}. Only for paths without {@code ..} (see
   * {@link #absoluteProblem}): nothing is resolved, no symlink is followed.
   */
  static String normalize(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment);
      }
    }
    return "/" + String.join("/", segments);
  }

  /** Whether normalized {@code ancestor} is a proper ancestor directory of normalized {@code path}. */
  static boolean contains(String ancestor, String path) {
    String prefix = ancestor.equals("/") ? "/" : ancestor + "/";
    return !ancestor.equals(path) && path.startsWith(prefix);
  }
}
