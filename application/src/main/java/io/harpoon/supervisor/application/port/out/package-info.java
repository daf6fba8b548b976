/**
 * Driven ports: what the supervisor needs from the outside world, named for the need, not the technology.
 * Reading the time is {@link java.time.Clock}.
 */
package io.harpoon.supervisor.application.port.out;
