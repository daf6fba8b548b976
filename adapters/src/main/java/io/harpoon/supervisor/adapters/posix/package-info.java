/**
 * Linux process plumbing shared by the adapters: the one jnr-posix handle (loaded once, it is
 * expensive), a tiny jnr-ffi binding of the calls jnr-posix lacks, and {@link
 * io.harpoon.supervisor.adapters.posix.NativeProcesses}, the supervisor's only spawner and reaper.
 */
package io.harpoon.supervisor.adapters.posix;
