/** The supervisor's own log: one timestamped line per event on stderr (SPEC §7). */
package io.harpoon.supervisor.adapters.log;
