/** Timers on one daemon thread: metrics ticks, restart delays and stop grace periods. */
package io.harpoon.supervisor.adapters.timers;
