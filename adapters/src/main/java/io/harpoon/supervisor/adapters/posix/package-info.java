/** The one jnr-posix handle the adapters share; loading it is expensive, so it happens once. */
package io.harpoon.supervisor.adapters.posix;
