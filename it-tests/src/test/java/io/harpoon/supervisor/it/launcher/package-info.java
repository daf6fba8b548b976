/**
 * Tests of the distribution's launchers as shell programs: which JDK they pick, what {@code --version}
 * says about it and its class data, and that the class data is used by a real start and never noisy.
 */
package io.harpoon.supervisor.it.launcher;
