package io.harpoon.supervisor.adapters.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harpoon.supervisor.domain.container.ContainerConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code mounts} of the OCI config: the conventional kernel filesystems (as {@code runc spec}
 * makes them, minus the cgroup filesystem), the host's resolver config, then agent.json's storage.
 *
 * <p>Destinations are paths inside the container. agent.json's are checked absolute and free of
 * {@code ..} by the domain, and are normalized here. Beyond that, the runtime resolves every
 * destination inside the rootfs, following symlinks as if the rootfs were {@code /} (runc with {@code
 * securejoin}, crun likewise), so a symlink in the image cannot point a mount outside the rootfs.
 */
final class OciMounts {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private OciMounts() {}

  /** All mounts, in the order the runtime must make them. */
  static ArrayNode of(ContainerConfig.Storage storage, HostFacts host) {
    ArrayNode mounts = JSON.arrayNode();
    mounts.add(mount("/proc", "proc", "proc"));
    mounts.add(mount("/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k"));
    mounts.add(mount("/dev/pts", "devpts", "devpts",
        "nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"));
    mounts.add(mount("/dev/shm", "tmpfs", "shm", "nosuid", "noexec", "nodev", "mode=1777", "size=65536k"));
    mounts.add(mount("/dev/mqueue", "mqueue", "mqueue", "nosuid", "noexec", "nodev"));
    mounts.add(mount("/sys", "sysfs", "sysfs", "nosuid", "noexec", "nodev", "ro"));
    if (host.resolvConf()) {
      String resolvConf = HostFacts.RESOLV_CONF.toString();
      mounts.add(mount(resolvConf, "bind", resolvConf, "rbind", "ro"));
    }
    storage(storage).values().forEach(mounts::add);
    return mounts;
  }

  /** Volumes and tmpfs mounts by destination, so that a parent directory is mounted before its children. */
  private static Map<String, ObjectNode> storage(ContainerConfig.Storage storage) {
    Map<String, ObjectNode> byTarget = new TreeMap<>();
    storage.volumes().forEach((target, host) -> {
      String destination = normalize(target);
      byTarget.put(destination, mount(destination, "bind", host, "rbind", "rw"));
    });
    storage.tmpSizesMb().forEach((target, sizeMb) -> {
      String destination = normalize(target);
      ObjectNode tmpfs = sizeMb < 0
          ? mount(destination, "tmpfs", "tmpfs", "nosuid", "nodev")
          : mount(destination, "tmpfs", "tmpfs", "nosuid", "nodev", "size=" + sizeMb + "m");
      byTarget.put(destination, tmpfs);
    });
    return byTarget;
  }

  private static String normalize(String target) {
    return Path.of(target).normalize().toString();
  }

  private static ObjectNode mount(String destination, String type, String source, String... options) {
    ObjectNode mount = JSON.objectNode();
    mount.put("destination", destination);
    mount.put("type", type);
    mount.put("source", source);
    if (options.length > 0) {
      ArrayNode list = mount.putArray("options");
      for (String option : options) {
        list.add(option);
      }
    }
    return mount;
  }
}
