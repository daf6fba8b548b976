/**
 * Privileged end-to-end scenarios of the built distribution: {@link
 * io.harpoon.supervisor.it.SupervisorScenarios} combines the scenario groups (interfaces with default
 * test methods) and one subclass per environment runs them, e.g. {@link
 * io.harpoon.supervisor.it.NativeSupervisorIT} on this host.
 */
package io.harpoon.supervisor.it;
