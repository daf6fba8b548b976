package io.harpoon.supervisor.it;

import io.harpoon.supervisor.it.support.Environment;
import io.harpoon.supervisor.it.support.HostEnvironment;

/** The scenarios with the supervisor running on this host, as root, with runc. */
class NativeSupervisorIT extends SupervisorScenarios {

  @Override
  protected Environment createEnvironment() {
    return HostEnvironment.fromSystemProperty();
  }
}
