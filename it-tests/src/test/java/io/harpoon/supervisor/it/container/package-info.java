/**
 * The container environment of the end-to-end suite: the supervisor runs as root inside a Docker
 * container that can itself create containers with runc (pid, mount, uts and ipc namespaces, cgroup
 * v1 limits), driven from the host through a bind-mounted run directory and its {@code control}
 * socket.
 *
 * <ul>
 *   <li>{@link io.harpoon.supervisor.it.container.ContainerImage} assembles the image FROM scratch
 *       out of files of this machine (a jlinked Java, runc, busybox, the distribution) and builds
 *       it once per content hash.
 *   <li>{@link io.harpoon.supervisor.it.container.DockerSupervisorHost} starts the capable
 *       container, runs the supervisor and helper commands in it, and removes it.
 *   <li>{@link io.harpoon.supervisor.it.container.DockerPrerequisites} skips (or, under CI, fails)
 *       where Docker or the image's ingredients are missing.
 * </ul>
 */
package io.harpoon.supervisor.it.container;
