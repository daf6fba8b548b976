package io.harpoon.supervisor.application.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.WaitStatus;
import org.junit.jupiter.api.Test;

class OperatorWordsTest {

  @Test
  void exit_everyCase_inWords() {
    assertThat(OperatorWords.exit(new ExitStatus.Exited(3))).isEqualTo("exited 3");
    assertThat(OperatorWords.exit(new ExitStatus.Signaled(9))).isEqualTo("killed by SIGKILL");
    assertThat(OperatorWords.exit(new ExitStatus.OomKilled())).isEqualTo("OOM-killed");
    assertThat(OperatorWords.exit(new ExitStatus.Unknown())).isEqualTo("unknown");
    assertThat(OperatorWords.exit(ExitStatus.NONE)).isEqualTo("none");
    assertThat(OperatorWords.exit(new WaitStatus.Exited(0))).isEqualTo("exited 0");
    assertThat(OperatorWords.exit(new WaitStatus.Signaled(15))).isEqualTo("killed by SIGTERM");
    assertThat(OperatorWords.exit(new WaitStatus.Unknown())).isEqualTo("ended, how could not be observed");
  }

  @Test
  void signal_realTimeOrUnknown_byNumber() {
    assertThat(OperatorWords.signal(34)).isEqualTo("signal 34");
    assertThat(OperatorWords.signal(0)).isEqualTo("signal 0");
  }

  @Test
  void bytes_binaryUnits() {
    assertThat(OperatorWords.bytes(512)).isEqualTo("512 B");
    assertThat(OperatorWords.bytes(1536)).isEqualTo("1.5 KiB");
    assertThat(OperatorWords.bytes(64L << 20)).isEqualTo("64 MiB");
  }
}
