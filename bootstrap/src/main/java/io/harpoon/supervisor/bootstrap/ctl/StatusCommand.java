package io.harpoon.supervisor.bootstrap.ctl;

/**
 * {@code status}: the container's state and status report, in words or as JSON, with the exit code
 * of {@code systemctl is-active}: 0 up, 3 down, 4 failed.
 */
final class StatusCommand {

  private StatusCommand() {}

  static ExitCode run(CtlOptions options, Console console) throws CtlException {
    Snapshot snapshot = StatusQuery.ask(options.socket(), Deadline.after(options.timeout()));
    if (options.json()) {
      console.result(JsonOut.text(JsonOut.snapshot(snapshot)));
    } else {
      console.text(StatusText.of(snapshot, console.clock().instant()));
    }
    return snapshot.health();
  }
}
