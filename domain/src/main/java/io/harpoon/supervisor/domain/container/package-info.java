/** Values that describe a container: its id, its validated config, how its process ended, its metrics. */
package io.harpoon.supervisor.domain.container;
