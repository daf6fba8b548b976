package io.harpoon.supervisor.adapters.posix;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.WaitStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildTableTest {

  private static final WaitStatus EXIT_3 = new WaitStatus.Exited(3);
  private static final WaitStatus KILLED = new WaitStatus.Signaled(9);

  private final ChildTable table = new ChildTable(4);
  private final List<WaitStatus> heard = new ArrayList<>();

  @Test
  void registeredListener_reap_getsTheStatus() {
    assertThat(table.statusOrWait(100, heard::add)).isEmpty();

    table.reap(100, pid -> EXIT_3).run();

    assertThat(heard).containsExactly(EXIT_3);
  }

  @Test
  void reapedBeforeAnyoneAsked_listenerRegisteredLater_getsTheStatusAtOnce() {
    table.reap(100, pid -> KILLED).run();

    assertThat(table.statusOrWait(100, heard::add)).contains(KILLED);
    assertThat(heard).isEmpty();
  }

  @Test
  void spawnedChildReapedBeforeItWasRecorded_spawned_keepsItsStatus() {
    long since = table.mark();
    table.reap(100, pid -> EXIT_3).run();

    table.spawned(100, since);

    assertThat(table.statusOrWait(100, heard::add)).contains(EXIT_3);
  }

  @Test
  void staleStatusOfAnEarlierProcessWithTheSamePid_spawned_isForgotten() {
    table.reap(100, pid -> KILLED).run();
    long since = table.mark();

    table.spawned(100, since);

    assertThat(table.statusOrWait(100, heard::add)).isEmpty();
    table.reap(100, pid -> EXIT_3).run();
    assertThat(heard).containsExactly(EXIT_3);
  }

  @Test
  void staleStatus_adopted_isForgottenAndSignalsGoThroughAgain() {
    table.reap(100, pid -> KILLED).run();

    table.adopted(100, table.mark());

    assertThat(table.signalUnlessReaped(100, pid -> true)).isTrue();
  }

  @Test
  void reapedPid_signal_isNotSentBecauseThePidMayBeReused() {
    List<Integer> killed = new ArrayList<>();
    table.reap(100, pid -> EXIT_3).run();

    boolean sent = table.signalUnlessReaped(100, killed::add);

    assertThat(sent).isFalse();
    assertThat(killed).isEmpty();
  }

  @Test
  void livePid_signal_isSent() {
    List<Integer> killed = new ArrayList<>();

    assertThat(table.signalUnlessReaped(100, killed::add)).isTrue();
    assertThat(killed).containsExactly(100);
  }

  @Test
  void moreReapsThanCapacity_oldestStatus_isDropped() {
    for (int pid = 1; pid <= 5; pid++) {
      table.reap(pid, p -> EXIT_3).run();
    }

    assertThat(table.statusOrWait(1, heard::add)).isEmpty();
    assertThat(table.statusOrWait(5, heard::add)).contains(EXIT_3);
  }

  @Test
  void foreignProcessGone_foreignGone_reportsUnknown() {
    table.statusOrWait(100, heard::add);

    table.foreignGone(100).run();

    assertThat(heard).containsExactly(new WaitStatus.Unknown());
  }

  @Test
  void reapedByUsAfterAll_foreignGone_doesNotReportAgain() {
    table.statusOrWait(100, heard::add);
    table.reap(100, pid -> EXIT_3).run();

    table.foreignGone(100).run();

    assertThat(heard).containsExactly(EXIT_3);
  }

  @Test
  void throwingListener_reap_stillCallsTheOthers() {
    Thread.UncaughtExceptionHandler previous = Thread.currentThread().getUncaughtExceptionHandler();
    List<Throwable> reported = new ArrayList<>();
    Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> reported.add(error));
    try {
      table.statusOrWait(
          100,
          status -> {
            throw new IllegalStateException("boom");
          });
      table.statusOrWait(100, heard::add);

      table.reap(100, pid -> EXIT_3).run();
    } finally {
      Thread.currentThread().setUncaughtExceptionHandler(previous);
    }
    assertThat(heard).containsExactly(EXIT_3);
    assertThat(reported).extracting(Throwable::getMessage).containsExactly("boom");
  }

  @Test
  void noSpawnYet_awaitSpawnAfter_returnsOnceSomethingIsSpawned() throws Exception {
    long seen = table.spawns();
    Thread waiter =
        new Thread(
            () -> {
              try {
                table.awaitSpawnAfter(seen);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    waiter.start();
    awaitState(waiter, Thread.State.WAITING);

    table.spawned(100, table.mark());

    waiter.join(5_000);
    assertThat(waiter.isAlive()).isFalse();
  }

  private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (thread.getState() != state && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(thread.getState()).isEqualTo(state);
  }
}
