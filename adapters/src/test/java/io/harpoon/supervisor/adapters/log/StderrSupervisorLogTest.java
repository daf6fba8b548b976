package io.harpoon.supervisor.adapters.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.ContainerId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class StderrSupervisorLogTest {

  private static final ContainerId ID = new ContainerId("web-1");
  private static final Instant NOW = Instant.parse("2026-11-28T05:46:40.123Z");

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void info_message_isOneLineWithTimestampIdAndLevel() {
    log(Clock.fixed(NOW, ZoneOffset.UTC)).info("container started");

    assertThat(written())
        .isEqualTo("2026-11-28T05:46:40.123Z harpoon-supervisor[web-1] INFO container started\n");
  }

  @Test
  void warn_message_isMarkedWarn() {
    log(Clock.fixed(NOW, ZoneOffset.UTC)).warn("cgroup missing");

    assertThat(written())
        .isEqualTo("2026-11-28T05:46:40.123Z harpoon-supervisor[web-1] WARN cgroup missing\n");
  }

  @Test
  void wholeSecondInAnotherZone_info_printsUtcWithZeroMillis() {
    Clock paris = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneId.of("Europe/Paris"));

    log(paris).info("x");

    assertThat(written()).startsWith("2026-01-02T03:04:05.000Z ");
  }

  @Test
  void successiveCalls_info_readTheClockEachTime() {
    MovingClock clock = new MovingClock(NOW);
    StderrSupervisorLog log = log(clock);

    log.info("one");
    clock.advance(Duration.ofMillis(1_500));
    log.info("two");

    assertThat(written().lines())
        .extracting(line -> line.substring(0, 24))
        .containsExactly("2026-11-28T05:46:40.123Z", "2026-11-28T05:46:41.623Z");
  }

  @Test
  void messageWithLineBreaksAndControls_info_staysOnOneLine() {
    log(Clock.fixed(NOW, ZoneOffset.UTC)).info("a\nb\r\nFAKE INFO\u2028c\u001b[31md\u0085e\tf");

    assertThat(written())
        .isEqualTo(
            "2026-11-28T05:46:40.123Z harpoon-supervisor[web-1] INFO a b  FAKE INFO c [31md e f\n");
  }

  @Test
  void nullMessage_info_printsNull() {
    log(Clock.fixed(NOW, ZoneOffset.UTC)).info(null);

    assertThat(written()).endsWith("INFO null\n");
  }

  @Test
  void manyThreads_info_neverInterleaveLines() throws Exception {
    StderrSupervisorLog log = log(Clock.fixed(NOW, ZoneOffset.UTC));
    String message = "x".repeat(300);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        writers.add(pool.submit(() -> repeat(500, () -> log.info(message))));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
    } finally {
      pool.shutdown();
    }

    String expected = "2026-11-28T05:46:40.123Z harpoon-supervisor[web-1] INFO " + message;
    assertThat(written().lines()).hasSize(4_000).allMatch(expected::equals);
  }

  private StderrSupervisorLog log(Clock clock) {
    return new StderrSupervisorLog(ID, clock, out);
  }

  private String written() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void repeat(int times, Runnable action) {
    for (int i = 0; i < times; i++) {
      action.run();
    }
  }

  /** A clock the test moves by hand. */
  private static final class MovingClock extends Clock {
    private Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
