package io.harpoon.supervisor.bootstrap.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StateTextTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0 B",
    "1023, 1023 B",
    "1024, 1 KiB",
    "1536, 1.5 KiB",
    "729088, 712 KiB",
    "12897485, 12.3 MiB",
    "67108864, 64 MiB",
    "9223372036854775807, 8 EiB"
  })
  void bytes_useBinaryUnitsWithOneDecimal(long count, String text) {
    assertThat(StateText.bytes(count)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({
    "15, SIGTERM",
    "9, SIGKILL",
    "1, SIGHUP",
    "31, SIGSYS",
    "34, signal 34",
    "0, signal 0"
  })
  void signal_namesLinuxSignalsAndNumbersTheRest(int number, String text) {
    assertThat(StateText.signal(number)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0.000 s",
    "2670980, 0.003 s",
    "1234567890, 1.235 s",
    "86400000000000, 86400.000 s"
  })
  void cpu_isInSecondsToTheMillisecond(long nanos, String text) {
    assertThat(StateText.cpu(nanos)).isEqualTo(text);
  }

  @Test
  void exit_saysHowTheContainerEnded() {
    assertThat(StateText.exit(ExitStatus.NONE)).isEqualTo("none");
    assertThat(StateText.exit(new ExitStatus.Exited(0))).isEqualTo("exited 0");
    assertThat(StateText.exit(new ExitStatus.Exited(137))).isEqualTo("exited 137");
    assertThat(StateText.exit(new ExitStatus.Signaled(9))).isEqualTo("killed by SIGKILL");
    assertThat(StateText.exit(new ExitStatus.OomKilled())).isEqualTo("OOM-killed");
    assertThat(StateText.exit(new ExitStatus.Unknown())).isEqualTo("unknown");
  }

  @Test
  void memory_withoutALimit_saysSo() {
    assertThat(StateText.memory(new Metrics(0, 458752, 0))).isEqualTo("448 KiB / no limit");
  }
}
