/** When a container that went down is started again, and how long the supervisor waits before it does. */
package io.harpoon.supervisor.domain.restart;
