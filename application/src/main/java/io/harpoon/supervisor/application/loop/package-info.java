/** The supervisor loop (the shell) and its subscriber fan-out. */
package io.harpoon.supervisor.application.loop;
