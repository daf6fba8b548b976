package io.harpoon.supervisor.it;

import static io.harpoon.supervisor.it.support.AgentConfig.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.it.support.ControlClient;
import io.harpoon.supervisor.it.support.Poll;
import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.StaticProbe;
import io.harpoon.supervisor.it.support.SupervisorFixture;
import io.harpoon.supervisor.it.support.SupervisorProcess;
import io.harpoon.supervisor.it.support.SupervisorState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the container can do to the kernel and the host (issue 15 items 3, 4, 15): the seccomp
 * filter refuses the calls behind recent escapes while ordinary work runs, a fork bomb stops at the
 * pids limit, and the limits containers share through host uid 1 (docs/security.md).
 */
public interface ConfinementScenarios extends Scenario {

  /** The calls the filter refuses, as the probe names them; each must fail with EPERM (1). */
  List<String> REFUSED = List.of("clone_newuser", "unshare_newuser", "keyctl", "add_key",
      "io_uring_setup", "perf_event_open", "bpf", "fsopen", "socket_netlink", "ptrace_traceme");

  @Test
  default void seccomp_probeInTheContainer_refusedCallsFailWithEperm_busyboxWorkloadRuns()
      throws IOException {
    RunDirectory dir = fixture().runDirectory();
    StaticProbe.install(dir);
    Path results = dir.volume("results");
    dir.write(agent().volume("/data", results.toString()));
    String script = StaticProbe.IN_CONTAINER + " syscalls > /data/calls;"
        + " grep Seccomp: /proc/self/status > /data/seccomp;"
        + " ls /bin | wc -l > /data/ls; sleep 0.1; echo written > /data/file;"
        + " echo piped | cat | tr a-z A-Z > /data/pipe;"
        + " busybox unshare -U true 2> /data/unshare; echo $? >> /data/unshare; echo done > /data/done";
    fixture().start(dir, List.of("sh", "-c", script));

    Poll.until("the probe done", STARTED, () -> Files.exists(results.resolve("done")));
    Map<String, Integer> calls = outcomes(Files.readString(results.resolve("calls")));
    System.out.println("probe in the container: " + calls);
    System.out.println("the same probe as uid 1 beside the supervisor, without the filter: "
        + fixture().run("setpriv", "--reuid=1", "--regid=1", "--clear-groups",
            dir.rootfs().resolve(StaticProbe.IN_CONTAINER.substring(1)).toString(), "syscalls"));

    for (String call : REFUSED) {
      assertThat(calls.get(call)).as(call + " errno").isEqualTo(1);
    }
    assertThat(calls).containsEntry("socket_inet", 0).containsEntry("socket_unix", 0)
        .containsEntry("fork", 0);
    assertThat(Files.readString(results.resolve("seccomp"))).matches("Seccomp:\\s+2\\s*");
    assertThat(Integer.parseInt(Files.readString(results.resolve("ls")).strip())).isGreaterThan(10);
    assertThat(results.resolve("file")).hasContent("written");
    assertThat(results.resolve("pipe")).hasContent("PIPED");
    assertThat(Files.readString(results.resolve("unshare"))).contains("Operation not permitted")
        .endsWith("1\n");
  }

  @Test
  default void forkBomb_pidsLimit_stopsAtTheLimit_supervisorKeepsServing() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().cpu(0.5));
    List<String> options = new ArrayList<>(SupervisorFixture.FAST_OPTIONS);
    options.addAll(List.of("--pids-limit", "64"));
    String bomb = "echo ready; f() { f | f & }; f; exec sleep 1000";
    SupervisorProcess supervisor = fixture().start(dir, options, List.of("sh", "-c", bomb));
    fixture().connect(dir).awaitState("the container up", SupervisorState::up, STARTED);
    String cgroup = Poll.until("the container's pids cgroup", STARTED, () -> pidsCgroup(dir.id()));
    List<Integer> current = new ArrayList<>();

    Poll.until("the pids limit hit", STARTED, () -> {
      current.add(Integer.parseInt(cat(cgroup + "/pids.current")));
      return cat(cgroup + "/pids.events").matches("(?s)max [1-9].*");
    });
    for (int i = 0; i < 20; i++) {
      current.add(Integer.parseInt(cat(cgroup + "/pids.current")));
    }
    String max = cat(cgroup + "/pids.max");
    ControlClient late = fixture().connect(dir);
    SupervisorState served = late.awaitState("a state for a new client", s -> true, PROMPTLY);
    late.send("kill");
    SupervisorState killed = late.awaitState("killed", SupervisorState::endedForGood, PROMPTLY);
    late.send("exit");

    System.out.println("pids.current samples: " + current);
    assertThat(max).as("read before the kill: the cgroup goes with the container").isEqualTo("64");
    assertThat(current).isNotEmpty().allMatch(n -> n <= 64);
    assertThat(served.up()).isTrue();
    assertThat(killed.signal()).isEqualTo(9);
    assertThat(supervisor.awaitExit(PROMPTLY)).isZero();
  }

  /**
   * The measured example of docs/security.md: containers run as host uid 1, so per-user kernel
   * limits are shared. One container holds every inotify instance uid 1 may have
   * (fs.inotify.max_user_instances); another then gets EMFILE, until the first is gone.
   */
  @Test
  default void sharedHostUid_oneContainerHoldsEveryInotifyInstance_anotherGetsNone()
      throws IOException {
    RunDirectory holder = fixture().runDirectory();
    RunDirectory starved = fixture().runDirectory();
    StaticProbe.install(holder);
    StaticProbe.install(starved);
    Path held = holder.volume("results");
    Path tried = starved.volume("results");
    holder.write(agent().volume("/data", held.toString()));
    starved.write(agent().volume("/data", tried.toString()));
    fixture().start(holder, List.of(StaticProbe.IN_CONTAINER, "inotify-hold", "/data/held"));
    String holding = Poll.until("the holder's count", STARTED, () -> content(held.resolve("held")));
    String retry = StaticProbe.IN_CONTAINER + " inotify-one > /data/first;"
        + " while [ ! -e /data/go ]; do sleep 0.1; done; " + StaticProbe.IN_CONTAINER
        + " inotify-one > /data/second";
    fixture().start(starved, List.of("sh", "-c", retry));
    String first = Poll.until("the first try", STARTED, () -> content(tried.resolve("first")));
    ControlClient holderClient = fixture().connect(holder);
    holderClient.send("kill");
    holderClient.awaitState("the holder gone", SupervisorState::endedForGood, PROMPTLY);
    Files.writeString(tried.resolve("go"), "");
    String second = Poll.until("the second try", STARTED, () -> content(tried.resolve("second")));

    System.out.println("holder: " + holding + "; other container: " + first + ", then " + second);
    assertThat(holding).matches("held [1-9][0-9]* errno 24");
    assertThat(first).isEqualTo("inotify_init1 24");
    assertThat(second).isEqualTo("inotify_init1 0");
  }

  /** "name errno" lines of the probe, by name. */
  private static Map<String, Integer> outcomes(String lines) {
    Map<String, Integer> outcomes = new LinkedHashMap<>();
    lines.lines().map(line -> line.split(" ")).filter(f -> f.length == 2)
        .forEach(f -> outcomes.put(f[0], Integer.parseInt(f[1])));
    return outcomes;
  }

  /** The pids cgroup directory of container {@code id}, v1 ({@code pids/harpoon/ID}) or v2. */
  private Optional<String> pidsCgroup(String id) {
    String found = fixture().run("sh", "-c", "find /sys/fs/cgroup -maxdepth 8 -name pids.max"
        + " -path '*/harpoon/" + id + "/*' 2>/dev/null | head -1").stdout().strip();
    return found.isEmpty() ? Optional.empty()
        : Optional.of(found.substring(0, found.length() - "/pids.max".length()));
  }

  private String cat(String file) {
    return fixture().run("cat", file).stdout().strip();
  }

  private static Optional<String> content(Path file) {
    try {
      String text = Files.exists(file) ? Files.readString(file).strip() : "";
      return text.isEmpty() ? Optional.empty() : Optional.of(text);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
