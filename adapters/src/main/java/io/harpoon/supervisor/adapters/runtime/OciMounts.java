package io.harpoon.supervisor.adapters.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harpoon.supervisor.domain.container.ContainerConfig;
import java.util.Arrays;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The {@code mounts} of the OCI config: the conventional kernel filesystems (as {@code runc spec}
 * makes them, minus the cgroup filesystem), the host's resolver config, then agent.json's storage.
 *
 * <p>Destinations are paths inside the container. agent.json's are checked absolute and free of
 * {@code ..} by the domain, and are normalized here. Beyond that, the runtime resolves every
 * destination inside the rootfs, following symlinks as if the rootfs were {@code /} (runc with
 * {@code securejoin}, crun likewise), so a symlink in the image cannot point a mount outside the
 * rootfs.
 */
final class OciMounts {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String TMPFS_MODE = "mode=1777";

  /** destination, type, source, options...: the kernel filesystems every container gets. */
  private static final String[][] SYSTEM = {
    {"/proc", "proc", "proc"},
    {"/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k"},
    {
      "/dev/pts",
      "devpts",
      "devpts",
      "nosuid",
      "noexec",
      "newinstance",
      "ptmxmode=0666",
      "mode=0620",
      "gid=5"
    },
    {"/dev/shm", "tmpfs", "shm", "nosuid", "noexec", "nodev", "mode=1777", "size=65536k"},
    {"/dev/mqueue", "mqueue", "mqueue", "nosuid", "noexec", "nodev"},
    {"/sys", "sysfs", "sysfs", "nosuid", "noexec", "nodev", "ro"},
  };

  private OciMounts() {}

  /** All mounts, in the order the runtime must make them. */
  static ArrayNode of(ContainerConfig.Storage storage, HostFacts host) {
    ArrayNode mounts = JSON.arrayNode();
    for (String[] system : SYSTEM) {
      mounts.add(
          mount(system[0], system[1], system[2], Arrays.copyOfRange(system, 3, system.length)));
    }
    if (host.resolvConf()) {
      String resolvConf = HostFacts.RESOLV_CONF.toString();
      mounts.add(mount(resolvConf, "bind", resolvConf, "rbind", "ro"));
    }
    storage(storage).values().forEach(mounts::add);
    return mounts;
  }

  /** Volumes and tmpfs mounts by destination, so that a parent is mounted before its children. */
  private static Map<String, ObjectNode> storage(ContainerConfig.Storage storage) {
    Map<String, ObjectNode> byTarget = new TreeMap<>();
    storage
        .volumes()
        .forEach((target, host) -> byTarget.put(normalize(target), volume(target, host)));
    storage
        .tmpSizesMb()
        .forEach((target, mb) -> byTarget.put(normalize(target), tmpfs(target, mb)));
    return byTarget;
  }

  private static ObjectNode volume(String target, String host) {
    return mount(normalize(target), "bind", host, "rbind", "rw");
  }

  /**
   * A tmpfs of {@code sizeMb} MiB (-1 is no size option: the kernel's default, half of RAM),
   * writable by every user like {@code /tmp}. runc 1.1 then gives the tmpfs the mode of the
   * directory it covers, if the rootfs has one; {@link TmpfsModes} sets the mode again once the
   * container is created.
   */
  private static ObjectNode tmpfs(String target, long sizeMb) {
    String destination = normalize(target);
    return sizeMb < 0
        ? mount(destination, "tmpfs", "tmpfs", "nosuid", "nodev", TMPFS_MODE)
        : mount(
            destination, "tmpfs", "tmpfs", "nosuid", "nodev", TMPFS_MODE, "size=" + sizeMb + "m");
  }

  /**
   * Drops empty and {@code .} segments, as {@code Path.normalize} would, but on the string: {@code
   * Path.of} throws on what the platform charset cannot encode (a lone surrogate always, any
   * non-ASCII character when the supervisor runs without a UTF-8 locale), and the runtime's worker
   * must get a {@code RuntimeFailure}, not an unchecked exception. {@code ..} never gets here.
   */
  static String normalize(String target) {
    StringJoiner path = new StringJoiner("/", "/", "");
    for (String segment : target.split("/")) {
      if (!segment.isEmpty() && !segment.equals(".")) {
        path.add(segment);
      }
    }
    return path.toString();
  }

  private static ObjectNode mount(
      String destination, String type, String source, String... options) {
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
