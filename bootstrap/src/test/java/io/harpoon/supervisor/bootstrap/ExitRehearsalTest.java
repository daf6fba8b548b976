package io.harpoon.supervisor.bootstrap;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.harpoon.supervisor.domain.container.ConfigCheck;
import io.harpoon.supervisor.domain.container.ConfigDraft;
import io.harpoon.supervisor.domain.container.ConfigValidation;
import io.harpoon.supervisor.domain.lifecycle.ContainerState;
import io.harpoon.supervisor.domain.lifecycle.Event;
import io.harpoon.supervisor.domain.lifecycle.Lifecycle;
import io.harpoon.supervisor.domain.lifecycle.LifecycleSettings;
import io.harpoon.supervisor.domain.restart.Backoff;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The way down is rehearsed from any state without a failure, and from a running one in full. */
class ExitRehearsalTest {

  private static final Instant AT = Instant.parse("2026-12-08T00:00:00Z");

  @Test
  void runningOrNot_rehearse_neverThrows() {
    ConfigCheck.Valid valid = (ConfigCheck.Valid) ConfigValidation.validate(ConfigDraft.EMPTY, List.of("sh"));
    ContainerState created = ContainerState.initial(LifecycleSettings.of(valid.config(), Backoff.DEFAULT));
    ContainerState starting = Lifecycle.next(Lifecycle.next(created, new Event.Began(AT)).state(),
        new Event.Surveyed(new Event.Found.Nothing(), Optional.empty(), AT)).state();
    ContainerState running = Lifecycle.next(starting, new Event.Spawned(4242, 0, AT)).state();

    assertThatCode(() -> ExitRehearsal.rehearse(created, AT)).doesNotThrowAnyException();
    assertThatCode(() -> ExitRehearsal.rehearse(running, AT)).doesNotThrowAnyException();
    assertThatCode(() -> StartPath.runningHook().containerRunning(running, AT)).doesNotThrowAnyException();
  }
}
