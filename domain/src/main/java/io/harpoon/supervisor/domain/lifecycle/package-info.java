/**
 * The container lifecycle: {@link io.harpoon.supervisor.domain.lifecycle.Lifecycle#next} maps a state and
 * an event (a fact stamped by the shell) to a new state and the effects the shell must carry out.
 */
package io.harpoon.supervisor.domain.lifecycle;
