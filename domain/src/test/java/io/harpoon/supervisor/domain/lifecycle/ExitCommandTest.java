package io.harpoon.supervisor.domain.lifecycle;

import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.at;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleEvents.command;
import static io.harpoon.supervisor.domain.lifecycle.LifecycleFixture.given;

import io.harpoon.supervisor.domain.restart.RestartPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SPEC §5 {@code exit}: the client's acknowledgement of the final state. Accepted only when the container
 * is down for good (DOWN or FAILED); anywhere else it is a no-op answered with a reason.
 */
class ExitCommandTest {

  @ParameterizedTest
  @EnumSource(value = Phase.class, names = {"DOWN", "FAILED"})
  void finalPhase_exitRequested_terminatesWithZero(Phase phase) {
    given(LifecycleStates.inPhase(phase, RestartPolicy.ALWAYS))
        .when(command(Command.EXIT, at(9)))
        .thenPhase(Phase.TERMINATED)
        .thenEffects(new Effect.Terminate(0));
  }

  @ParameterizedTest
  @CsvSource({
    "RUNNING, ALWAYS, the container is up",
    "RUNNING, NO, the container is up",
    "STOPPING, ALWAYS, the container is up",
    "KILLING, NO, the container is up",
    "BACKOFF, ON_FAILURE, will be started",
    "STARTING, ON_FAILURE, will be started",
    "STARTING, NO, will be started",
    "CREATED, ALWAYS, will be started",
    "CREATED, NO, will be started"
  })
  void notFinalPhase_exitRequested_isRejectedWithReason(Phase phase, RestartPolicy policy, String why) {
    given(LifecycleStates.inPhase(phase, policy))
        .when(command(Command.EXIT, at(9)))
        .thenRejects(Command.EXIT, why);
  }

  @org.junit.jupiter.api.Test
  void terminated_exitAgain_isNoError() {
    given(LifecycleStates.inPhase(Phase.TERMINATED, RestartPolicy.ALWAYS))
        .when(command(Command.EXIT, at(9)))
        .thenUnchanged();
  }
}
