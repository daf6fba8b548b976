/** SIGTERM and SIGINT to the supervisor become termination requests to the loop (SPEC §6). */
package io.harpoon.supervisor.adapters.signals;
