package io.harpoon.supervisor.it;

import static io.harpoon.supervisor.it.support.AgentConfig.agent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.harpoon.supervisor.it.support.CommandResult;
import io.harpoon.supervisor.it.support.ControlClient;
import io.harpoon.supervisor.it.support.Poll;
import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SupervisorFixture;
import io.harpoon.supervisor.it.support.SupervisorProcess;
import io.harpoon.supervisor.it.support.SupervisorState;
import io.harpoon.supervisor.it.support.Workloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The container is built as SPEC §3 says: the workload writes what it sees into a volume, the test
 * reads it on the host.
 */
public interface ContainerSetupScenarios extends Scenario {

  /** Each line writes one observation to /data/NAME, then the workload idles until TERM. */
  String PROBE = String.join("\n",
      "echo probe-on-stderr >&2",
      "hostname > /data/hostname",
      "id -u > /data/uid",
      "id -g > /data/gid",
      "echo \"$GREETING\" > /data/env",
      "echo \"$PATH\" > /data/path",
      "pwd > /data/cwd",
      "ulimit -n > /data/nofile",
      "echo $$ > /data/pid",
      "cat /proc/mounts > /data/mounts",
      "grep NoNewPrivs /proc/self/status > /data/nnp",
      "for ns in net uts ipc mnt pid; do echo $ns $(readlink /proc/self/ns/$ns); done > /data/ns",
      "if echo x 2>/dev/null > /tmp/probe; then echo writable; else echo refused; fi > /data/rootfs",
      "if echo x 2>/dev/null > /scratch/small; then echo writable; else echo refused; fi > /data/scratch",
      "if dd if=/dev/zero of=/scratch/big bs=1M count=3 2>/dev/null; then echo fits; else echo full; fi"
          + " > /data/scratch-size",
      "trap 'exit 0' TERM",
      "echo done > /data/done",
      "while true; do sleep 0.1; done");

  @Test
  default void container_configuredByAgentJson_seesItsIdentityLimitsAndMounts() throws IOException {
    RunDirectory dir = fixture().runDirectory();
    Path results = dir.volume("results");
    dir.write(agent().env("GREETING", "hello world").workingDir("/tmp").fd(1000).cpu(0.5)
        .volume("/data", results.toString()).tmp("/scratch", 2));
    SupervisorProcess supervisor = fixture().start(dir, List.of("sh", "-c", PROBE));
    ControlClient client = fixture().connect(dir);
    client.awaitState("the container up", SupervisorState::up, STARTED);
    Poll.until("the probe done", STARTED, () -> Files.exists(results.resolve("done")));

    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(read(results, "hostname")).isEqualTo(SupervisorFixture.HOSTNAME);
    soft.assertThat(read(results, "uid")).isEqualTo("1");
    soft.assertThat(read(results, "gid")).isEqualTo("1");
    soft.assertThat(read(results, "env")).isEqualTo("hello world");
    soft.assertThat(read(results, "path")).as("a conventional PATH").contains("/bin");
    soft.assertThat(read(results, "cwd")).isEqualTo("/tmp");
    soft.assertThat(read(results, "nofile")).isEqualTo("1000");
    soft.assertThat(read(results, "pid")).as("own pid namespace").isEqualTo("1");
    soft.assertThat(mountOptions(read(results, "mounts"), "/", "")).as("rootfs mount").startsWith("ro,");
    soft.assertThat(read(results, "rootfs")).as("write to /tmp of the rootfs").isEqualTo("refused");
    soft.assertThat(mountOptions(read(results, "mounts"), "/scratch", "tmpfs")).as("tmpfs /scratch")
        .contains("size=2048k");
    soft.assertThat(read(results, "scratch")).as("write to tmpfs /scratch").isEqualTo("writable");
    soft.assertThat(read(results, "scratch-size")).as("3 MB into a 2 MB tmpfs").isEqualTo("full");
    soft.assertThat(mountOptions(read(results, "mounts"), "/etc/resolv.conf", ""))
        .as("host resolv.conf").startsWith("ro,");
    soft.assertThat(mountOptions(read(results, "mounts"), "/sys", "sysfs")).as("sysfs").startsWith("ro,");
    soft.assertThat(read(results, "nnp").replaceAll("\\s+", " ")).isEqualTo("NoNewPrivs: 1");
    soft.assertThat(namespaces(read(results, "ns"))).as("namespaces shared with the host")
        .isEqualTo(List.of("net"));
    soft.assertThat(cpuQuota(dir.id())).as("cpu quota / period").isEqualTo(0.5);
    soft.assertThat(supervisor.stderr()).as("the container's stderr is the supervisor's")
        .contains("probe-on-stderr");
    soft.assertThat(supervisor.stderr().lines().filter(line -> !line.contains("probe-on-stderr")))
        .as("log lines name the container").isNotEmpty().allMatch(line -> line.contains(dir.id()));
    soft.assertAll();
    assertThat(supervisor.isAlive()).isTrue();
  }

  @Test
  default void rootfsIsASymlink_started_containerRunsOnItsTarget() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent());
    Path target = Files.move(dir.rootfs(), dir.path().resolve("image"));
    Files.createSymbolicLink(dir.rootfs(), Path.of("image"));
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);
    ControlClient client = fixture().connect(dir);

    awaitRunning(client, supervisor);

    assertThat(Files.isDirectory(target.resolve("bin"))).isTrue();
  }

  /**
   * The names of the namespaces in "name link" lines that the supervisor's environment is in too: a
   * command run beside the supervisor reads its own links (on this host the test's, in a container
   * the container's).
   */
  private List<String> namespaces(String lines) {
    return lines.lines().map(line -> line.split(" ")).filter(f -> f.length == 2)
        .filter(f -> fixture().run("readlink", "/proc/self/ns/" + f[0]).stdout().strip().equals(f[1]))
        .map(f -> f[0]).toList();
  }

  private static String read(Path results, String name) {
    try {
      Path file = results.resolve(name);
      return Files.exists(file) ? Files.readString(file).strip() : "(missing " + name + ")";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The options of the last mount on {@code target} (of {@code type}, unless empty) in /proc/mounts. */
  private static String mountOptions(String mounts, String target, String type) {
    return mounts.lines().map(line -> line.split(" "))
        .filter(f -> f.length > 3 && f[1].equals(target) && (type.isEmpty() || f[2].equals(type)))
        .reduce((first, second) -> second).map(f -> f[3]).orElse("(no " + target + " mount)");
  }

  /** The CPU quota of the container's cgroup, found from its init's /proc/PID/cgroup. */
  private double cpuQuota(String id) {
    try {
      CommandResult state = fixture().run("runc", "state", id);
      long pid = new ObjectMapper().readTree(state.stdout()).path("pid").asLong();
      for (String line : fixture().run("cat", "/proc/" + pid + "/cgroup").stdout().split("\n")) {
        String[] fields = line.split(":", 3);
        if (fields.length == 3 && List.of(fields[1].split(",")).contains("cpu")) {
          assertThat(fields[2]).as("cgroup path").endsWith("harpoon/" + id);
          Path cgroup = cgroupDirectory("cgroup", "cpu", fields[2]);
          return Double.parseDouble(cat(cgroup.resolve("cpu.cfs_quota_us")))
              / Double.parseDouble(cat(cgroup.resolve("cpu.cfs_period_us")));
        }
        if (fields.length == 3 && fields[0].equals("0") && fields[2].endsWith("harpoon/" + id)) {
          String[] max = cat(cgroupDirectory("cgroup2", "", fields[2]).resolve("cpu.max")).split(" ");
          return Double.parseDouble(max[0]) / Double.parseDouble(max[1]);
        }
      }
      return -1;
    } catch (IOException | NumberFormatException e) {
      return -2;
    }
  }

  /**
   * Where the cgroup {@code path} is in the environment's file system: below the mount point of its
   * hierarchy, minus the root of that mount. A container's cgroup mounts have its own cgroup as their
   * root, while /proc/PID/cgroup names the full path (proc(5): mountinfo fields 4 and 5).
   */
  private Path cgroupDirectory(String type, String controller, String path) {
    for (String line : fixture().run("cat", "/proc/self/mountinfo").stdout().split("\n")) {
      List<String> fields = List.of(line.split(" "));
      int separator = fields.indexOf("-");
      if (separator > 4 && fields.size() > separator + 3 && fields.get(separator + 1).equals(type)
          && (controller.isEmpty() || List.of(fields.get(separator + 3).split(",")).contains(controller))
          && path.startsWith(fields.get(3))) {
        String root = fields.get(3).equals("/") ? "" : fields.get(3);
        return Path.of(fields.get(4) + path.substring(root.length()));
      }
    }
    return Path.of("/sys/fs/cgroup", controller, path);
  }

  private String cat(Path file) {
    return fixture().run("cat", file.toString()).stdout().strip();
  }
}
