package io.harpoon.supervisor.application.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.application.fake.RecordingSubscriber;
import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StateFanOutTest {

  private static ContainerProcessState state(int restarts) {
    return new ContainerProcessState(true, true, "", ExitStatus.NONE, restarts, 0, Metrics.ZERO);
  }

  @Test
  void subscribe_getsTheCurrentStateAtOnce() {
    StateFanOut fanOut = new StateFanOut(state(7), 4);

    RecordingSubscriber client = RecordingSubscriber.subscribe(fanOut);

    assertThat(client.announcements()).isEqualTo(1);
    assertThat(client.drain()).containsExactly(state(7));
  }

  @Test
  void publish_deliversEveryChangeInOrderToEverySubscriber() {
    StateFanOut fanOut = new StateFanOut(state(0), 4);
    RecordingSubscriber first = RecordingSubscriber.subscribe(fanOut);
    RecordingSubscriber second = RecordingSubscriber.subscribe(fanOut);

    fanOut.publish(state(1));
    fanOut.publish(state(2));

    assertThat(first.drain()).containsExactly(state(0), state(1), state(2));
    assertThat(second.drain()).containsExactly(state(0), state(1), state(2));
    assertThat(fanOut.subscriberCount()).isEqualTo(2);
  }

  @Test
  void slowSubscriber_coalescesToTheLatestWithoutHoldingUpOthers() {
    StateFanOut fanOut = new StateFanOut(state(0), 4);
    RecordingSubscriber stuck = RecordingSubscriber.subscribe(fanOut);
    RecordingSubscriber live = RecordingSubscriber.subscribe(fanOut);
    live.drain();

    IntStream.rangeClosed(1, 1_000).forEach(i -> {
      fanOut.publish(state(i));
      assertThat(live.drain()).containsExactly(state(i));
    });

    assertThat(stuck.drain()).hasSizeLessThanOrEqualTo(4).last().isEqualTo(state(1_000));
  }

  @Test
  void cancel_stopsDeliveries() {
    StateFanOut fanOut = new StateFanOut(state(0), 4);
    RecordingSubscriber client = RecordingSubscriber.subscribe(fanOut);

    client.cancel();
    fanOut.publish(state(1));

    assertThat(client.drain()).isEmpty();
    assertThat(fanOut.subscriberCount()).isZero();
    assertThat(fanOut.current()).isEqualTo(state(1));
  }
}
