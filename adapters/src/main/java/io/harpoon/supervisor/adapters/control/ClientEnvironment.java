package io.harpoon.supervisor.adapters.control;

import io.harpoon.supervisor.application.port.in.SendCommand;
import io.harpoon.supervisor.application.port.in.WatchState;

/** What every connection needs from the server: the in-ports, the wake-up path and shared state. */
record ClientEnvironment(
    WatchState watch, SendCommand commands, Wakeups wakeups, ClientRegistry registry) {}
