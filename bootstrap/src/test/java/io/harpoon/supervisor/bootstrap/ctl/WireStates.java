package io.harpoon.supervisor.bootstrap.ctl;

/** States as a supervisor writes them on the wire (compact JSON, SPEC §5 key order). */
final class WireStates {

  private static final String METRICS =
      "\"container_metrics\":{\"cpu_time\":1234567890,\"memory_usage\":12897485,\"memory_limit\":67108864}";

  /** Running, restarted if it exits: 1.235 s of CPU, 12.3 MiB of 64 MiB. */
  static final String UP = state(true, true, "", "{}", 2, 1);

  /** Running, a stop or kill was accepted. */
  static final String UP_GOING_DOWN = state(true, false, "", "{}", 2, 1);

  /** Starting for the first time (restart policy on-failure or always). */
  static final String STARTING = state(false, true, "", "{}", 0, 0);

  /** Starting for the first time with restart policy no: reads like a final state, but is none. */
  static final String STARTING_NO_RESTART = state(false, false, "", "{}", 0, 0);

  /** Down for good after SIGTERM. */
  static final String DOWN_TERM =
      state(false, false, "", "{\"signaled\":true,\"signal\":15}", 2, 1);

  /** Down for good after SIGKILL. */
  static final String DOWN_KILL = state(false, false, "", "{\"signaled\":true,\"signal\":9}", 2, 1);

  /** Down for good after a clean exit. */
  static final String DOWN_EXITED = state(false, false, "", "{\"exited\":true}", 2, 1);

  /** The config was refused: nothing ever ran. */
  static final String FAILED =
      state(false, false, "restart: 'sometimes' is not one of no, on-failure, always", "{}", 0, 0);

  private WireStates() {}

  static String state(
      boolean up, boolean restarting, String err, String exit, int restarts, int ooms) {
    return "{\"up\":"
        + up
        + ",\"restarting\":"
        + restarting
        + (err.isEmpty() ? "" : ",\"err\":\"" + err + "\"")
        + ",\"container_exit_status\":"
        + exit
        + ",\"restarts\":"
        + restarts
        + ",\"ooms\":"
        + ooms
        + ","
        + METRICS
        + "}";
  }
}
