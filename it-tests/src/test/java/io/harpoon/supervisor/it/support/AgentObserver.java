package io.harpoon.supervisor.it.support;

import java.time.Duration;
import java.util.Optional;

/**
 * A client that reads every state as the real harpoon agent does (harpoon-agent, container.go): {@code
 * up} means running; else {@code restarting} means keep waiting; else the container is down for good —
 * stop listening, then {@code err} set means <em>failed</em>, otherwise <em>finished</em>, and then it
 * sends {@code exit}. It starts connecting before the supervisor runs, and stays until the end.
 */
public interface AgentObserver extends AutoCloseable {

  /** The agent's conclusion about a container that is down for good. */
  enum Verdict { FINISHED, FAILED }

  /**
   * The verdict, with the state it was drawn from.
   *
   * @param verdict finished or failed
   * @param state the JSON of the state that ended the watch
   * @param err that state's {@code err}
   * @param sawRunning whether a state said {@code up} before the verdict
   */
  record Outcome(Verdict verdict, String state, String err, boolean sawRunning) {}

  /** Waits at most {@code timeout} for a verdict; empty when there is none by then. */
  Optional<Outcome> awaitVerdict(Duration timeout);

  /** Waits at most {@code timeout} until a state said {@code up}; true when one did. */
  boolean awaitRunning(Duration timeout);

  /** Waits at most {@code timeout} for a state with at least {@code restarts} restarts; true when seen. */
  boolean awaitRestarts(long restarts, Duration timeout);

  /** What it saw and did, for failure messages. */
  String transcript();

  @Override
  void close();
}
