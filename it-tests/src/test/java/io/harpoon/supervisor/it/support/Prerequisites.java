package io.harpoon.supervisor.it.support;

import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips privileged scenarios where they cannot run (a developer's laptop), but fails them under CI=true:
 * a CI run that silently skipped the privileged suite would prove nothing.
 */
public final class Prerequisites {

  private Prerequisites() {}

  /** Aborts (or, under CI, fails) the current test or class when anything is missing. */
  public static void require(String suite, List<String> missing) {
    if (missing.isEmpty()) {
      return;
    }
    String message = suite + " cannot run here: " + String.join("; ", missing);
    if (onCi()) {
      Assertions.fail(message + " (CI=true: failing instead of skipping)");
    }
    Assumptions.abort(message + " (skipped; set CI=true to make this a failure)");
  }

  /** Whether the environment variable CI is {@code true}. */
  public static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }
}
