package io.harpoon.supervisor.application.port.out;

/** Reads the container's config (agent.json) and checks the run directory (rootfs). */
public interface ConfigSource {

  /** The config as decoded, with every problem found on the way; never throws. */
  ConfigLoad load();
}
