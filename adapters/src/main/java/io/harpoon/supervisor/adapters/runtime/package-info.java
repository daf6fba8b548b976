/**
 * The container runtime port on an OCI runtime's command line (runc, crun): the one mapping from
 * agent.json to the OCI bundle's {@code config.json}, and the runtime commands run as children of
 * the supervisor, which is their subreaper.
 */
package io.harpoon.supervisor.adapters.runtime;
