package io.harpoon.supervisor.domain.lifecycle;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Commands a control client can send (SPEC §5). */
public enum Command {
  /** Graceful shutdown: SIGTERM, no further restarts. */
  STOP,
  /** Forceful shutdown: SIGKILL, no further restarts. */
  KILL,
  /** Terminate the supervisor; accepted only once the container is down for good. */
  EXIT;

  /** The name on the wire ({@code event: stop}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The command named {@code wireName}, if there is one. */
  public static Optional<Command> parse(String wireName) {
    return Arrays.stream(values()).filter(c -> c.wireName().equals(wireName)).findFirst();
  }
}
