package io.harpoon.supervisor.bootstrap.ctl;

/** {@code status}: the state the supervisor sends on connect, in words or as its JSON. */
final class StatusCommand {

  private StatusCommand() {}

  static ExitCode run(CtlOptions options, Console console) throws CtlException {
    try (Session session =
        Session.open(options.socket(), Deadline.after(options.timeout()), b -> {})) {
      Incoming.State state = session.first();
      if (options.json()) {
        console.result(state.json());
      } else {
        console.text(StateText.summary(state.state()));
      }
      return ExitCode.OK;
    }
  }
}
