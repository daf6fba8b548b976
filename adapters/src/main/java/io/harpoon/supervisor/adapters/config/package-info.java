/**
 * Reads {@code agent.json} from the run directory into a {@link
 * io.harpoon.supervisor.domain.container.ConfigDraft} and checks {@code rootfs}. Every problem is
 * reported as text in the load result, all at once; validation of values is the domain's job.
 */
package io.harpoon.supervisor.adapters.config;
