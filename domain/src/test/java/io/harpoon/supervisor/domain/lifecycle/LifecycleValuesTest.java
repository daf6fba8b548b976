package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.harpoon.supervisor.domain.container.Signal;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Events and effects refuse values that would make the shell do harm. A pid of 0 or below is the worst:
 * kill(2) with pid 0 signals the caller's process group and with -1 every process it may signal, so a
 * SendSignal(-1, KILL) run as root would take the host down.
 */
class LifecycleValuesTest {

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void nonPositivePid_spawnedOrAdopted_isRefused(int pid) {
    assertThatIllegalArgumentException().isThrownBy(() -> new Event.Spawned(pid, 0, at(1)));
    assertThatIllegalArgumentException().isThrownBy(() -> new Event.Found.Running(pid, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> new Effect.WatchExit(pid));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void nonPositivePid_sendSignal_isRefused(int pid) {
    assertThatIllegalArgumentException().isThrownBy(() -> new Effect.SendSignal(pid, Signal.KILL));
  }

  @Test
  void positivePid_sendSignal_isKept() {
    assertThat(new Effect.SendSignal(1, Signal.TERM).pid()).isEqualTo(1);
  }

  @Test
  void missingParts_eventsAndEffects_areRefused() {
    assertThatNullPointerException().isThrownBy(() -> new Event.Began(null));
    assertThatNullPointerException().isThrownBy(() -> new Event.Surveyed(null, java.util.Optional.empty(), at(1)));
    assertThatNullPointerException().isThrownBy(() -> new Event.SpawnFailed(null, false, at(1)));
    assertThatNullPointerException().isThrownBy(() -> new Event.CommandReceived(null, 1, at(1)));
    assertThatNullPointerException().isThrownBy(() -> new Effect.ArmTimer(1, null));
    assertThatNullPointerException().isThrownBy(() -> new Effect.Publish(null));
    assertThatNullPointerException().isThrownBy(() -> new Effect.Reject(1, Command.STOP, null));
    assertThatNullPointerException().isThrownBy(() -> new LifecycleSettings(
        null, Duration.ZERO, Duration.ZERO, io.harpoon.supervisor.domain.restart.Backoff.DEFAULT));
  }
}
