package io.harpoon.supervisor.domain.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The delay before a restart: base, doubled per quick failure, capped; reset by a long enough run. */
class BackoffTest {

  private static final Backoff FAST =
      new Backoff(Duration.ofMillis(100), Duration.ofMillis(1_000), Duration.ofSeconds(5));

  @Test
  void defaults_areOneSecondThirtySecondsTenSeconds() {
    assertThat(Backoff.DEFAULT)
        .isEqualTo(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(10)));
  }

  @Test
  void quickFailures_delay_doublesFromBaseUpToMax() {
    assertThat(IntStream.rangeClosed(1, 7).mapToObj(FAST::delay).map(Duration::toMillis))
        .containsExactly(100L, 200L, 400L, 800L, 1_000L, 1_000L, 1_000L);
  }

  @Test
  void manyFailures_delay_staysAtMaxWithoutOverflow() {
    assertThat(Backoff.DEFAULT.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void zeroBase_delay_isAlwaysZero() {
    Backoff none = new Backoff(Duration.ZERO, Duration.ZERO, Duration.ZERO);
    assertThat(none.delay(1)).isZero();
    assertThat(none.delay(50)).isZero();
  }

  /** A complexity guard with a generous bound, not a race: the fixed loop returns in microseconds. */
  @Test
  void zeroBaseAfterManyFailures_delay_returnsZeroAtOnce() {
    Backoff zeroBase = new Backoff(Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(10));
    Duration delay = assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> zeroBase.delay(Integer.MAX_VALUE));
    assertThat(delay).isZero();
  }

  @Test
  void hugeMax_delay_doublesWithoutOverflowAndCaps() {
    Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
    Backoff uncapped = new Backoff(Duration.ofSeconds(1), huge, Duration.ofSeconds(10));
    assertThat(uncapped.delay(11)).isEqualTo(Duration.ofSeconds(1024));
    assertThat(uncapped.delay(200)).isEqualTo(huge);
  }

  @Test
  void failuresBelowOne_delay_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> FAST.delay(0));
  }

  @Test
  void maxBelowBase_construct_raisesMaxToBase() {
    Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(10));
    assertThat(backoff.max()).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void negativeDuration_construct_isRefused() {
    Duration minus = Duration.ofMillis(-1);
    assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(minus, Duration.ZERO, Duration.ZERO));
    assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ZERO, minus, Duration.ZERO));
    assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ZERO, Duration.ZERO, minus));
  }

  @Test
  void uptime_resets_fromResetAfterOn() {
    assertThat(FAST.resets(Duration.ofMillis(4_999))).isFalse();
    assertThat(FAST.resets(Duration.ofSeconds(5))).isTrue();
    assertThat(FAST.resets(Duration.ofHours(1))).isTrue();
    assertThat(FAST.resets(Duration.ofSeconds(-1))).as("a clock that went back").isFalse();
  }
}
