/**
 * Linux process plumbing shared by the adapters: one small jnr-ffi binding of exactly the libc
 * calls the supervisor makes ({@link io.harpoon.supervisor.adapters.posix.LinuxLibC}; jnr-posix's
 * full interface is never loaded), {@link io.harpoon.supervisor.adapters.posix.NativeProcesses},
 * the supervisor's only spawner and reaper, and the container's own output pipes with the relay
 * processes that copy them to the supervisor's stdout and stderr.
 */
package io.harpoon.supervisor.adapters.posix;
