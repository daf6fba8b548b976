/** Driving ports: what the outside world (control clients, the OS) can ask of the supervisor. */
package io.harpoon.supervisor.application.port.in;
