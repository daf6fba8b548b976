package io.harpoon.supervisor.domain.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** Cgroup usage: never negative. */
class MetricsTest {

  @Test
  void zero_isAllZero() {
    assertThat(Metrics.ZERO).isEqualTo(new Metrics(0, 0, 0));
  }

  @Test
  void withCpuTime_replacesOnlyCpuTime() {
    assertThat(new Metrics(1, 2, 3).withCpuTime(40)).isEqualTo(new Metrics(40, 2, 3));
  }

  @Test
  void negativeFigure_construct_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Metrics(-1, 0, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> new Metrics(0, -1, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> new Metrics(0, 0, -1));
    assertThatIllegalArgumentException().isThrownBy(() -> Metrics.ZERO.withCpuTime(-5));
  }
}
