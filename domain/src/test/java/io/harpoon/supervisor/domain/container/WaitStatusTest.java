package io.harpoon.supervisor.domain.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** waitpid(2) statuses: exit codes 0-255, signals 1-64 (Linux has 64 signals incl. real-time ones). */
class WaitStatusTest {

  @Test
  void boundaries_construct_areAccepted() {
    assertThat(new WaitStatus.Exited(0).code()).isZero();
    assertThat(new WaitStatus.Exited(255).code()).isEqualTo(255);
    assertThat(new WaitStatus.Signaled(1).signal()).isEqualTo(1);
    assertThat(new WaitStatus.Signaled(64).signal()).isEqualTo(64);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 256, 137 * 2})
  void codeOutOfRange_construct_isRefused(int code) {
    assertThatIllegalArgumentException().isThrownBy(() -> new WaitStatus.Exited(code));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -9, 65})
  void signalOutOfRange_construct_isRefused(int signal) {
    assertThatIllegalArgumentException().isThrownBy(() -> new WaitStatus.Signaled(signal));
  }

  @Test
  void signals_number_areLinuxNumbers() {
    assertThat(Signal.TERM.number()).isEqualTo(15);
    assertThat(Signal.KILL.number()).isEqualTo(9);
  }
}
