package io.harpoon.supervisor.it;

import io.harpoon.supervisor.it.container.DockerEnvironment;
import io.harpoon.supervisor.it.support.Environment;

/**
 * The scenarios with the supervisor running as root inside a capable Docker container, one container
 * for the whole class; the test drives it from this machine through the bind-mounted run directory.
 */
class DockerSupervisorIT extends SupervisorScenarios {

  @Override
  protected Environment createEnvironment() {
    return new DockerEnvironment();
  }
}
