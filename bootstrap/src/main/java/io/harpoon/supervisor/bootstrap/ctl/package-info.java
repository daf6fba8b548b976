/**
 * {@code harpoonctl}: the operator's client of a supervisor's control socket. Starts in a fraction
 * of the supervisor's time because it loads neither Guice nor jnr: the JDK's own unix sockets carry
 * the bytes, and the supervisor's SSE decoder and state JSON read them, so both ends speak one
 * codec.
 */
package io.harpoon.supervisor.bootstrap.ctl;
