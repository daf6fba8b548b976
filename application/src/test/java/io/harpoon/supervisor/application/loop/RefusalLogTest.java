package io.harpoon.supervisor.application.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.application.fake.ManualTime;
import io.harpoon.supervisor.application.fake.RecordingLog;
import io.harpoon.supervisor.domain.lifecycle.Command;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A flood of refused commands costs a few log lines per interval, and its count is never lost. */
class RefusalLogTest {

  private final ManualTime time = new ManualTime();
  private final RecordingLog log = new RecordingLog();
  private final RefusalLog refusals = new RefusalLog(log, time, time);

  @Test
  void refused_fewCommands_oneLineEach() {
    refusals.refused(Command.STOP, "the container is not running");
    refusals.refused(Command.EXIT, "the container is up; stop or kill it first");

    assertThat(log.lines()).containsExactly(
        "WARN refused stop: the container is not running",
        "WARN refused exit: the container is up; stop or kill it first");
    assertThat(time.pending()).as("no summary to write").isZero();
  }

  @Test
  void refused_flood_burstThenOneSummaryWhenTheIntervalEnds() {
    for (int i = 0; i < 100_000; i++) {
      refusals.refused(Command.KILL, "the container is not running");
    }
    assertThat(log.lines()).hasSize(RefusalLog.BURST);

    time.advance(RefusalLog.INTERVAL);

    assertThat(log.lines()).hasSize(RefusalLog.BURST + 1).last().isEqualTo(
        "WARN refused 99995 more commands in the last 10 s; the latest: refused kill: the container is not running");
  }

  @Test
  void refused_floodGoesOn_aBurstAndASummaryPerInterval() {
    for (int interval = 0; interval < 3; interval++) {
      for (int i = 0; i < 50; i++) {
        refusals.refused(Command.STOP, "no");
        time.advance(Duration.ofMillis(100));
      }
      time.advance(Duration.ofSeconds(5));
    }
    time.advance(RefusalLog.INTERVAL);

    assertThat(log.lines().stream().filter(l -> l.contains("more command"))).hasSize(3);
    assertThat(log.lines()).hasSize(3 * (RefusalLog.BURST + 1));
  }

  @Test
  void refused_afterAQuietInterval_logsOneLineEachAgain() {
    for (int i = 0; i < RefusalLog.BURST + 1; i++) {
      refusals.refused(Command.STOP, "no");
    }
    time.advance(RefusalLog.INTERVAL.multipliedBy(3));

    refusals.refused(Command.STOP, "again");

    assertThat(log.lines()).last().isEqualTo("WARN refused stop: again");
    assertThat(log.lines()).filteredOn(l -> l.contains("1 more command in")).hasSize(1);
  }
}
