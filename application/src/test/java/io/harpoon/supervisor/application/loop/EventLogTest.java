package io.harpoon.supervisor.application.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.application.port.out.ConfigLoad;
import io.harpoon.supervisor.domain.container.ConfigDraft;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.container.WaitStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the loop logs, and at which level: errors are what an operator must act on. */
class EventLogTest {

  @Test
  void created_rejectedConfig_isAnError() {
    ConfigDraft draft = new ConfigDraft(Map.of(), List.of(), Map.of(), Map.of(), "", 0, 0, 0,
        Map.of(), Map.of(), "", "", "sometimes");
    LoopHarness h = new LoopHarness(new ConfigLoad(draft, List.of()), List.of("true")).settle();

    assertThat(h.log.lines()).anyMatch(l -> l.startsWith("ERROR not starting: restart: 'sometimes'"));
  }

  @Test
  void starting_createFails_isAnError() {
    LoopHarness h = LoopHarness.withPolicy("always", "5s");
    h.runtime.failNextCreate("runc: exec format error");
    h.settle();

    assertThat(h.log.lines()).contains("ERROR container failed to start: runc: exec format error");
  }

  @Test
  void running_oomKilled_isAnErrorNamingTheLimit() {
    LoopHarness h = LoopHarness.withPolicy("no", "5s");
    h.metrics.setOomKills(2);
    h.metrics.setSample(new Metrics(1_000, 60L << 20, 64L << 20));
    h.loop.startMetricsTicks();
    h.settle().advance(SupervisorLoop.METRICS_PERIOD);

    h.metrics.setOomKills(3);
    h.runtime.exit(h.pid(), new WaitStatus.Signaled(9));
    h.settle();

    assertThat(h.log.lines())
        .contains("ERROR the container was OOM-killed: it exceeded its memory limit of 64 MiB (ooms=1)")
        .anyMatch(l -> l.startsWith("INFO state up=false") && l.endsWith("last_exit=\"OOM-killed\""));
  }

  @Test
  void running_exits_areLoggedInWordsNotJavaNames() {
    LoopHarness h = LoopHarness.withPolicy("always", "5s").settle();
    int pid = h.pid();

    h.runtime.exit(pid, new WaitStatus.Signaled(15));
    h.settle();

    assertThat(h.log.lines())
        .contains("INFO process " + pid + " ended: killed by SIGTERM")
        .anyMatch(l -> l.endsWith("last_exit=\"killed by SIGTERM\""))
        .noneMatch(l -> l.contains("Signaled[") || l.contains("Exited["));
  }

  @Test
  void describe_errWithQuotes_isQuotedLogfmtStyle() {
    String line = EventLog.describe(new io.harpoon.supervisor.domain.lifecycle.ContainerProcessState(
        false, false, "bad \"x\"", io.harpoon.supervisor.domain.container.ExitStatus.NONE, 0, 0,
        Metrics.ZERO));

    assertThat(line).isEqualTo("state up=false restarting=false restarts=0 ooms=0 err=\"bad \\\"x\\\"\"");
  }
}
