package io.harpoon.supervisor.adapters.posix;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.adapters.posix.SpawnActions.Close;
import io.harpoon.supervisor.adapters.posix.SpawnActions.Dup2;
import io.harpoon.supervisor.adapters.posix.SpawnActions.Open;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of the child's file actions, which run one after the other. */
class SpawnActionsTest {

  private static final Open DEV_NULL_STDIN = new Open(0, "/dev/null", 0, 0);

  @Test
  void inheritedOutput_plan_setsStdinAndClosesEverythingAbove2() {
    assertThat(SpawnActions.plan(Output.INHERIT, Output.INHERIT, List.of(0, 1, 2, 3, 7)))
        .containsExactly(DEV_NULL_STDIN, new Close(3), new Close(7));
  }

  @Test
  void pipeEnds_plan_dupsThemOntoStdoutAndStderrBeforeClosingThem() {
    List<SpawnActions.Action> actions =
        SpawnActions.plan(Output.descriptor(9), Output.descriptor(11), List.of(0, 1, 2, 3, 9, 11));

    assertThat(actions)
        .containsExactly(
            DEV_NULL_STDIN,
            new Dup2(9, 1),
            new Dup2(11, 2),
            new Close(3),
            new Close(9),
            new Close(11));
  }

  @Test
  void sourceThatIsAStandardNumber_plan_movesItAsideBeforeTouching0To2() {
    // The supervisor was started with stdout and stderr closed: the pipes got 1 and 2, crosswise.
    List<SpawnActions.Action> actions =
        SpawnActions.plan(Output.descriptor(2), Output.descriptor(1), List.of(0, 1, 2, 5));

    assertThat(actions)
        .containsExactly(
            new Dup2(2, 6),
            new Dup2(1, 7),
            DEV_NULL_STDIN,
            new Dup2(6, 1),
            new Dup2(7, 2),
            new Close(5),
            new Close(6),
            new Close(7));
  }

  @Test
  void stderrRelay_plan_readsItsPipeAsStdinAndWritesTheSupervisorsStderrAsStdout() {
    // The relay of a container's stderr: the pipe's read end (7) as 0, our 2 as its 1 and its 2.
    List<SpawnActions.Action> actions =
        SpawnActions.plan(7, Output.descriptor(2), Output.INHERIT, List.of(0, 1, 2, 5, 7));

    assertThat(actions)
        .containsExactly(
            new Dup2(2, 8),
            new Dup2(7, 0),
            new Dup2(8, 1),
            new Close(5),
            new Close(7),
            new Close(8));
  }

  @Test
  void stdinThatIsAStandardNumber_plan_movesItAsideToo() {
    List<SpawnActions.Action> actions =
        SpawnActions.plan(1, Output.INHERIT, Output.INHERIT, List.of(0, 1, 2));

    assertThat(actions)
        .containsExactly(new Dup2(1, 5), new Dup2(5, 0), new Close(5));
  }
}
