/**
 * Privileged end-to-end tests that run on this host only: runtime and container faults, a crash-loop
 * soak that watches the supervisor's JVM for leaks, and harpoonctl driving a real supervisor. They use
 * the support classes of {@code io.harpoon.supervisor.it.support} with the host environment directly.
 */
package io.harpoon.supervisor.it.faults;
