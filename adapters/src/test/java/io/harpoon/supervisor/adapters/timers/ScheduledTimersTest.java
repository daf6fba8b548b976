package io.harpoon.supervisor.adapters.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpoon.supervisor.application.port.out.SupervisorLog;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScheduledTimersTest {

  private static final long WAIT_SECONDS = 10;

  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final ScheduledTimers timers = new ScheduledTimers(new WarningLog());

  @AfterEach
  void closeTimers() {
    timers.close();
  }

  @Test
  void schedule_delayPasses_runsOnceOnTheNamedDaemonThread() throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);
    List<Thread> threads = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();

    timers.schedule(
        Duration.ofMillis(50),
        () -> {
          threads.add(Thread.currentThread());
          ran.countDown();
        });

    assertThat(ran.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
    assertThat(threads.get(0).getName()).isEqualTo("harpoon-timers");
    assertThat(threads.get(0).isDaemon()).isTrue();
  }

  @Test
  void schedule_shorterDelayScheduledLater_runsFirst() throws InterruptedException {
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch both = new CountDownLatch(2);

    timers.schedule(Duration.ofMillis(300), () -> record(order, "late", both));
    timers.schedule(Duration.ofMillis(10), () -> record(order, "early", both));

    assertThat(both.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(order).containsExactly("early", "late");
  }

  @Test
  void repeat_periodPasses_runsAgainAndAgain() throws InterruptedException {
    CountDownLatch threeRuns = new CountDownLatch(3);

    timers.repeat(Duration.ofMillis(10), threeRuns::countDown);

    assertThat(threeRuns.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void repeat_actionThrows_keepsRepeatingAndLogs() throws InterruptedException {
    CountDownLatch threeRuns = new CountDownLatch(3);

    timers.repeat(
        Duration.ofMillis(10),
        () -> {
          threeRuns.countDown();
          throw new IllegalStateException("boom");
        });

    assertThat(threeRuns.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(warnings).contains("timer action failed: java.lang.IllegalStateException: boom");
  }

  @Test
  void schedule_earlierActionThrew_laterActionsStillRunOnTheSameThread() throws Exception {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    CountDownLatch after = new CountDownLatch(1);

    timers.schedule(
        Duration.ZERO,
        () -> {
          threads.add(Thread.currentThread());
          throw new IllegalArgumentException("first");
        });
    timers.schedule(
        Duration.ofMillis(20),
        () -> {
          threads.add(Thread.currentThread());
          after.countDown();
        });

    assertThat(after.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(threads).hasSize(1);
  }

  @Test
  void schedule_hugeOrNegativeDelays_areAccepted() throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);

    timers.schedule(Duration.ofSeconds(Long.MAX_VALUE), () -> warnings.add("never"));
    timers.schedule(Duration.ofMillis(-5), ran::countDown);

    assertThat(ran.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(warnings).isEmpty();
  }

  @Test
  void repeat_zeroPeriod_isRefused() {
    assertThatThrownBy(() -> timers.repeat(Duration.ZERO, () -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void close_pendingAction_neverRunsAndLaterOnesAreDropped() throws InterruptedException {
    AtomicInteger runs = new AtomicInteger();
    timers.schedule(Duration.ofMillis(50), runs::incrementAndGet);

    timers.close();
    timers.schedule(Duration.ZERO, runs::incrementAndGet);
    timers.repeat(Duration.ofMillis(1), runs::incrementAndGet);

    Thread.sleep(150); // three times the first action's delay: it would have run by now
    assertThat(runs).hasValue(0);
    assertThat(warnings)
        .containsExactly(
            "timer dropped: timers are closed", "repeating timer dropped: timers are closed");
  }

  private static void record(List<String> order, String name, CountDownLatch latch) {
    order.add(name);
    latch.countDown();
  }

  private final class WarningLog implements SupervisorLog {
    @Override
    public void info(String message) {}

    @Override
    public void warn(String message) {
      warnings.add(message);
    }
  }
}
