package io.harpoon.supervisor.it.support;

import java.util.List;

/**
 * Container commands for the scenarios, all busybox. The long-running ones print {@code ready} once
 * their TERM disposition is set: before that, a TERM to a pid namespace's init would be dropped by the
 * kernel (pid_namespaces(7)), and a stop would look like a stop that needed SIGKILL.
 */
public final class Workloads {

  /** The marker printed by the long-running workloads. */
  public static final String READY = "ready";

  /** Exits 0 on SIGTERM. */
  public static final List<String> TERM_HANDLER =
      List.of("sh", "-c", "trap 'exit 0' TERM; echo ready; while true; do sleep 0.1; done");

  /** Ignores SIGTERM: only SIGKILL ends it. */
  public static final List<String> TERM_IGNORER =
      List.of("sh", "-c", "trap '' TERM; echo ready; while true; do sleep 0.1; done");

  /** Burns CPU, exits 0 on SIGTERM. */
  public static final List<String> BUSY_LOOP =
      List.of("sh", "-c", "trap 'exit 0' TERM; echo ready; while true; do :; done");

  /** Burns CPU for four seconds (longer than a metrics period), then exits 1. */
  public static final List<String> BUSY_THEN_FAIL = List.of("sh", "-c",
      "end=$(($(date +%s) + 4)); while [ \"$(date +%s)\" -lt $end ]; do :; done; exit 1");

  /**
   * Touches 64 MB as the container's init itself (no shell in between), so that with a smaller
   * memory limit the OOM killer has to kill the init: reading /dev/zero fills the whole buffer.
   */
  public static final List<String> ALLOCATE_64MB =
      List.of("dd", "if=/dev/zero", "of=/dev/null", "bs=64M", "count=1");

  private Workloads() {}

  /** Exits at once with {@code status}. */
  public static List<String> exitWith(int status) {
    return List.of("sh", "-c", "exit " + status);
  }

  /** Runs for {@code seconds} (e.g. "0.5"), then exits with {@code status}. */
  public static List<String> runThenExit(String seconds, int status) {
    return List.of("sh", "-c", "sleep " + seconds + "; exit " + status);
  }

  /** A TERM handler that first appends a line to {@code file}: counts the starts of the container. */
  public static List<String> countingStarts(String file) {
    return List.of("sh", "-c",
        "echo start >> " + file + "; trap 'exit 0' TERM; echo ready; while true; do sleep 0.1; done");
  }
}
