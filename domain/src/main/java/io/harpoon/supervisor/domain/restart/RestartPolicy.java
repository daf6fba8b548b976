package io.harpoon.supervisor.domain.restart;

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

  /**
   * Whether an exit nobody asked for is followed by a restart; {@code failure} tells whether it counts as
   * a failure (anything but exit code 0, see {@code ExitStatus.isFailure()}).
   */
  public boolean restartsAfter(boolean failure) {
    switch (this) {
      case NO:
        return false;
      case ON_FAILURE:
        return failure;
      case ALWAYS:
        return true;
      default:
        throw new AssertionError(this);
    }
  }
}
