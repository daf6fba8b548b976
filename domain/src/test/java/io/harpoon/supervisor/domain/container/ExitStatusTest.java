package io.harpoon.supervisor.domain.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Classifying a wait status; OOM only for SIGKILL while the cgroup's OOM-kill counter rose. */
class ExitStatusTest {

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void exitedCode_of_isExitedWithThatCode(boolean oomObserved) {
    assertThat(ExitStatus.of(new WaitStatus.Exited(3), oomObserved)).isEqualTo(new ExitStatus.Exited(3));
  }

  @Test
  void sigkillWithOomObserved_of_isOomKilled() {
    assertThat(ExitStatus.of(new WaitStatus.Signaled(9), true)).isEqualTo(new ExitStatus.OomKilled());
  }

  @Test
  void sigkillWithoutOom_of_isSignaledNine() {
    assertThat(ExitStatus.of(new WaitStatus.Signaled(9), false)).isEqualTo(new ExitStatus.Signaled(9));
  }

  @Test
  void otherSignalWithOomObserved_of_isThatSignal() {
    assertThat(ExitStatus.of(new WaitStatus.Signaled(15), true)).isEqualTo(new ExitStatus.Signaled(15));
  }

  @Test
  void unknownWait_of_isUnknownNeverZero() {
    assertThat(ExitStatus.of(new WaitStatus.Unknown(), false)).isEqualTo(new ExitStatus.Unknown());
  }

  @Test
  void unknownWaitWhileOomCounterRose_of_isOomKilled() {
    assertThat(ExitStatus.of(new WaitStatus.Unknown(), true)).isEqualTo(new ExitStatus.OomKilled());
  }

  @Test
  void onlyExitZero_isFailure_isFalse() {
    assertThat(new ExitStatus.Exited(0).isFailure()).isFalse();
    assertThat(new ExitStatus.Exited(1).isFailure()).isTrue();
    assertThat(new ExitStatus.Signaled(15).isFailure()).isTrue();
    assertThat(new ExitStatus.OomKilled().isFailure()).isTrue();
    assertThat(new ExitStatus.Unknown().isFailure()).isTrue();
  }

  @Test
  void none_isTheNoneRecord() {
    assertThat(ExitStatus.NONE).isEqualTo(new ExitStatus.None());
  }
}
