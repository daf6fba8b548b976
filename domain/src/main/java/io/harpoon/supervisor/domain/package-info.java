/**
 * The functional core of harpoon-supervisor: the container lifecycle as a pure transition function, the
 * restart rules, and the container config model with its validation. JDK only: no I/O, no clock, no
 * threads, no libraries.
 */
package io.harpoon.supervisor.domain;
