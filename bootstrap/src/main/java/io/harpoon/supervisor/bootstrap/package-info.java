/** main(), command-line parsing and the Guice wiring of ports to adapters. The only place Guice appears. */
package io.harpoon.supervisor.bootstrap;
