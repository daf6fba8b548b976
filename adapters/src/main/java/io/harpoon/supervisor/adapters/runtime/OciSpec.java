package io.harpoon.supervisor.adapters.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harpoon.supervisor.application.port.out.LaunchSpec;
import io.harpoon.supervisor.domain.container.ContainerConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one mapping from a launch spec to an OCI runtime-spec {@code config.json} (SPEC §3). Pure:
 * the resolved rootfs path and the host's facts are inputs.
 *
 * <p>Capabilities: the process runs as uid 1 in the host's network namespace and needs none, so
 * every set is empty, the bounding set included; nothing in the container can regain one through a
 * setuid or file-capability binary (and {@code noNewPrivileges} forbids that too). System calls are
 * filtered by {@link SeccompProfile}.
 */
public final class OciSpec {

  /** The OCI runtime-spec version written; runc 1.1 and crun 1.8 accept it. */
  public static final String OCI_VERSION = "1.0.2";

  /** {@code PATH} of the container when agent.json's env has none (as in {@code runc spec}). */
  public static final String DEFAULT_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /** The CFS period the CPU quota is expressed in, in microseconds. */
  public static final long CPU_PERIOD_MICROS = 100_000;

  /** The kernel rejects a CFS quota below 1 ms. */
  static final long MIN_CPU_QUOTA_MICROS = 1_000;

  /** uid and gid of the container's process: {@code daemon}, unprivileged. */
  static final int USER = 1;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String[] CAPABILITY_SETS = {
    "bounding", "effective", "inheritable", "permitted", "ambient"
  };
  private static final String[] MASKED_PATHS = {
    "/proc/acpi",
    "/proc/asound",
    "/proc/kcore",
    "/proc/keys",
    "/proc/latency_stats",
    "/proc/timer_list",
    "/proc/timer_stats",
    "/proc/sched_debug",
    "/sys/firmware",
    "/proc/scsi"
  };
  private static final String[] READONLY_PATHS = {
    "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"
  };

  private OciSpec() {}

  /**
   * The config for {@code spec}, whose rootfs resolves to the absolute real path {@code root}, with
   * the limits of {@code policy}.
   */
  public static ObjectNode config(
      LaunchSpec spec, Path root, HostFacts host, RuntimePolicy policy) {
    ObjectNode config = JSON.objectNode();
    config.put("ociVersion", OCI_VERSION);
    config.set("process", process(spec.config()));
    ObjectNode rootNode = config.putObject("root");
    rootNode.put("path", root.toString());
    rootNode.put("readonly", true);
    config.put("hostname", spec.hostname());
    config.set("mounts", OciMounts.of(spec.config().storage(), host));
    config.set("linux", linux(spec, host, policy));
    return config;
  }

  private static ObjectNode process(ContainerConfig config) {
    ObjectNode process = JSON.objectNode();
    process.put("terminal", false);
    ObjectNode user = process.putObject("user");
    user.put("uid", USER);
    user.put("gid", USER);
    strings(process.putArray("args"), config.command().exec().toArray(String[]::new));
    strings(process.putArray("env"), environment(config.env()));
    process.put("cwd", config.command().workingDir());
    ObjectNode capabilities = process.putObject("capabilities");
    for (String set : CAPABILITY_SETS) {
      capabilities.putArray(set);
    }
    ObjectNode nofile = process.putArray("rlimits").addObject();
    nofile.put("type", "RLIMIT_NOFILE");
    nofile.put("hard", config.resources().fileDescriptors());
    nofile.put("soft", config.resources().fileDescriptors());
    process.put("noNewPrivileges", true);
    return process;
  }

  private static String[] environment(Map<String, String> env) {
    Map<String, String> sorted = new TreeMap<>(env);
    sorted.putIfAbsent("PATH", DEFAULT_PATH);
    return sorted.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }

  private static ObjectNode linux(LaunchSpec spec, HostFacts host, RuntimePolicy policy) {
    ObjectNode linux = JSON.objectNode();
    linux.put("cgroupsPath", "/" + spec.id().cgroup());
    ObjectNode resources = resources(spec.config().resources(), host);
    if (policy.pidsLimit() > 0) {
      resources.putObject("pids").put("limit", policy.pidsLimit());
    }
    linux.set("resources", resources);
    ArrayNode namespaces = linux.putArray("namespaces");
    for (String type : new String[] {"pid", "ipc", "uts", "mount"}) {
      namespaces.addObject().put("type", type);
    }
    strings(linux.putArray("maskedPaths"), MASKED_PATHS);
    strings(linux.putArray("readonlyPaths"), READONLY_PATHS);
    linux.set("seccomp", SeccompProfile.of(host.arch()));
    return linux;
  }

  /**
   * Devices: deny all; runc and crun then allow the standard ones (null, zero, full, tty, random,
   * urandom). Memory: no swap beyond the limit, i.e. memory + swap = the limit; without swap
   * accounting (see {@link HostFacts}) that cannot be set, and swappiness 0 keeps the cgroup's
   * memory out of swap instead.
   */
  private static ObjectNode resources(ContainerConfig.Resources limits, HostFacts host) {
    ObjectNode resources = JSON.objectNode();
    ObjectNode denyAll = resources.putArray("devices").addObject();
    denyAll.put("allow", false);
    denyAll.put("access", "rwm");
    if (limits.memoryMb() > 0) {
      ObjectNode memory = resources.putObject("memory");
      memory.put("limit", limits.memoryBytes());
      if (host.swapAccounting()) {
        memory.put("swap", limits.memoryBytes());
      } else {
        memory.put("swappiness", 0);
      }
    }
    if (limits.cpus() > 0) {
      ObjectNode cpu = resources.putObject("cpu");
      cpu.put(
          "quota", Math.max(MIN_CPU_QUOTA_MICROS, Math.round(limits.cpus() * CPU_PERIOD_MICROS)));
      cpu.put("period", CPU_PERIOD_MICROS);
    }
    return resources;
  }

  private static void strings(ArrayNode array, String... values) {
    for (String value : values) {
      array.add(value);
    }
  }
}
