package io.harpoon.supervisor.domain.restart;

import io.harpoon.supervisor.domain.container.ExitStatus;
import java.util.Arrays;
import java.util.Optional;

/** Whether a container that went down on its own is started again (agent.json {@code restart}). */
public enum RestartPolicy {
  NO("no"),
  ON_FAILURE("on-failure"),
  ALWAYS("always");

  private final String configName;

  RestartPolicy(String configName) {
    this.configName = configName;
  }

  /** The spelling used in agent.json. */
  public String configName() {
    return configName;
  }

  /** The policy spelled {@code name} in agent.json, if any. */
  public static Optional<RestartPolicy> parse(String name) {
    return Arrays.stream(values()).filter(p -> p.configName.equals(name)).findFirst();
  }

  /** Whether the container will be started again after it goes down on its own. */
  public boolean mayRestart() {
    return this != NO;
  }

  /** Whether an exit with {@code status}, not requested by anyone, is followed by a restart. */
  public boolean restartsAfter(ExitStatus status) {
    switch (this) {
      case NO:
        return false;
      case ON_FAILURE:
        return status.isFailure();
      case ALWAYS:
        return true;
      default:
        throw new AssertionError(this);
    }
  }
}
