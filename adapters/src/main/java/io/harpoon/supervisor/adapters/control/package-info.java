/**
 * The control transport (SPEC §5): the unix socket {@code RUNDIR/control}, Server-Sent Events in both
 * directions. {@link io.harpoon.supervisor.adapters.control.SseEncoder} and {@link
 * io.harpoon.supervisor.adapters.control.SseDecoder} are the one SSE codec; {@link
 * io.harpoon.supervisor.adapters.control.UnixSocketControlServer} serves every client from one
 * selector thread and only translates: commands go to {@code SendCommand}, states come from {@code
 * WatchState}.
 */
package io.harpoon.supervisor.adapters.control;
