package io.harpoon.supervisor.bootstrap.ctl;

/** Status reports as a supervisor writes them in {@code event: status} (docs/protocol.md). */
final class WireStatus {

  /** Running since 3m12s before {@link CtlRun#NOW}, pid 4242, limit 64 MiB. */
  static final String RUNNING =
      "{\"id\":\"web-1\",\"phase\":\"running\",\"pid\":4242,\"since\":\"2026-11-28T05:43:28.123Z\","
          + "\"started_at\":\"2026-11-28T05:43:28.123Z\",\"restart_policy\":\"on-failure\","
          + "\"memory_limit\":67108864,\"supervisor_pid\":4200}";

  /** Crashed 2 s before {@link CtlRun#NOW}, restart due in 4 s. */
  static final String BACKOFF =
      "{\"id\":\"web-1\",\"phase\":\"backoff\",\"pid\":0,\"since\":\"2026-11-28T05:46:38.123Z\","
          + "\"started_at\":\"2026-11-28T05:43:28.123Z\",\"restart_at\":\"2026-11-28T05:46:44.123Z\","
          + "\"restart_policy\":\"always\",\"memory_limit\":67108864,\"supervisor_pid\":4200}";

  /** Exited 4 minutes before {@link CtlRun#NOW}. */
  static final String DOWN =
      "{\"id\":\"web-1\",\"phase\":\"down\",\"pid\":0,\"since\":\"2026-11-28T05:42:40.123Z\","
          + "\"started_at\":\"2026-11-28T05:40:00.000Z\",\"restart_policy\":\"no\","
          + "\"memory_limit\":67108864,\"supervisor_pid\":4200}";

  /** The config was refused. */
  static final String FAILED =
      "{\"id\":\"web-1\",\"phase\":\"failed\",\"pid\":0,\"since\":\"2026-11-28T05:46:00.123Z\","
          + "\"restart_policy\":\"no\",\"memory_limit\":0,\"supervisor_pid\":4200}";

  private WireStatus() {}

  /** A supervisor of this version: the state, then the status when asked. */
  static FakeSupervisor.Script answering(String state, String status) {
    return peer -> {
      peer.state(state);
      if (peer.command().equals("status")) {
        peer.status(status);
      }
      peer.drain();
    };
  }
}
