package io.harpoon.supervisor.adapters.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThousandClientsTest extends ControlServerFixture {

  private static final int CLIENTS = 1000;

  @Test
  void thousandClients_oneServerThread_everyClientGetsEachChange() throws Exception {
    int before = Thread.activeCount();
    start(ControlServerLimits.DEFAULT.withMaxClients(CLIENTS));
    try (ClientFleet fleet = new ClientFleet(socket(), CLIENTS)) {
      fleet.awaitAll(json(FakeWatchState.INITIAL), System.nanoTime(), WAIT);
      assertThat(watch.subscribers()).isEqualTo(CLIENTS);
      assertThat(Thread.activeCount() - before).isLessThan(10);
      assertThat(Thread.getAllStackTraces().keySet())
          .filteredOn(t -> t.getName().equals("control-socket"))
          .hasSize(1);
      for (int i = 1; i <= 3; i++) {
        watch.publish(FakeWatchState.state(i));
        fleet.awaitAll(json(FakeWatchState.state(i)), System.nanoTime(), Duration.ofSeconds(20));
      }
    }
  }
}
