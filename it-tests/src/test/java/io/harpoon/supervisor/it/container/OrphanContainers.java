package io.harpoon.supervisor.it.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Containers left behind by a test JVM that died before removing them. Testcontainers' reaper
 * (Ryuk) would remove them, but it is an image pulled from a registry and is disabled here; so each
 * container carries the pid of the JVM that started it, and the next run removes those whose JVM is
 * gone. This assumes the Docker daemon runs on this machine, as it does in this suite.
 */
final class OrphanContainers {

  /** The label holding the starting JVM's pid. */
  static final String OWNER_LABEL = "io.harpoon.it.owner-pid";

  private static final Logger LOG = LoggerFactory.getLogger(OrphanContainers.class);

  private OrphanContainers() {}

  /** The labels to put on a new container. */
  static Map<String, String> labels() {
    return Map.of(OWNER_LABEL, Long.toString(ProcessHandle.current().pid()));
  }

  /** Removes every labelled container whose owning JVM no longer runs. */
  static void remove(DockerClient docker) {
    List<Container> labelled =
        docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(OWNER_LABEL)).exec();
    for (Container container : labelled) {
      String owner = container.getLabels().getOrDefault(OWNER_LABEL, "");
      if (!alive(owner)) {
        LOG.info("removing container {} left by the dead test JVM {}", container.getId(), owner);
        try {
          docker
              .removeContainerCmd(container.getId())
              .withForce(true)
              .withRemoveVolumes(true)
              .exec();
        } catch (NotFoundException e) {
          // Removed meanwhile by someone else: that is the outcome we want.
        }
      }
    }
  }

  private static boolean alive(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
