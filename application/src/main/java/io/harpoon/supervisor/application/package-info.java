/**
 * The supervisor use case: the imperative shell around the domain. One thread owns the state; every input
 * is an event on its queue; effects are carried out through the ports.
 */
package io.harpoon.supervisor.application;
