/**
 * The state journal: {@code RUNDIR/state.json}, the last published state plus what a successor needs
 * to take over, replaced atomically on every change so it survives a crash of the supervisor.
 */
package io.harpoon.supervisor.adapters.journal;
