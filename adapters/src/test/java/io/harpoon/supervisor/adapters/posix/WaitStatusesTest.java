package io.harpoon.supervisor.adapters.posix;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.WaitStatus;
import org.junit.jupiter.api.Test;

class WaitStatusesTest {

  @Test
  void exitedZero_decodes_asExitedZero() {
    assertThat(WaitStatuses.decode(0)).isEqualTo(new WaitStatus.Exited(0));
  }

  @Test
  void exitedWithCode_decodes_theCodeFromTheSecondByte() {
    assertThat(WaitStatuses.decode(3 << 8)).isEqualTo(new WaitStatus.Exited(3));
    assertThat(WaitStatuses.decode(255 << 8)).isEqualTo(new WaitStatus.Exited(255));
  }

  @Test
  void killedBySignal_decodes_asSignaledNotAs128PlusN() {
    assertThat(WaitStatuses.decode(9)).isEqualTo(new WaitStatus.Signaled(9));
    assertThat(WaitStatuses.decode(15)).isEqualTo(new WaitStatus.Signaled(15));
  }

  @Test
  void killedWithCoreDump_decodes_theSignalWithoutTheCoreBit() {
    assertThat(WaitStatuses.decode(0x80 | 11)).isEqualTo(new WaitStatus.Signaled(11));
  }

  @Test
  void realtimeSignal_decodes_asSignaled() {
    assertThat(WaitStatuses.decode(64)).isEqualTo(new WaitStatus.Signaled(64));
  }

  @Test
  void stoppedOrContinued_decodes_asUnknown() {
    assertThat(WaitStatuses.decode((19 << 8) | 0x7f)).isEqualTo(new WaitStatus.Unknown());
    assertThat(WaitStatuses.decode(0xffff)).isEqualTo(new WaitStatus.Unknown());
  }
}
