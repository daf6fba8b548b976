package io.harpoon.supervisor.domain.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** agent.json durations in Go's time.ParseDuration syntax, without signs. */
class DurationTextTest {

  static Stream<Arguments> validForms() {
    return Stream.of(
        Arguments.of("250ms", Duration.ofMillis(250)),
        Arguments.of("1.5s", Duration.ofMillis(1_500)),
        Arguments.of("1m30s", Duration.ofSeconds(90)),
        Arguments.of("0", Duration.ZERO),
        Arguments.of("0s", Duration.ZERO),
        Arguments.of("100us", Duration.ofNanos(100_000)),
        Arguments.of("100\u00b5s", Duration.ofNanos(100_000)),
        Arguments.of("15ns", Duration.ofNanos(15)),
        Arguments.of("2h", Duration.ofHours(2)),
        Arguments.of("1h2m3.5s", Duration.ofMillis(3_723_500)),
        Arguments.of(".5s", Duration.ofMillis(500)),
        Arguments.of("1.5ns", Duration.ofNanos(1)),
        Arguments.of("9223372036854775807ns", Duration.ofNanos(Long.MAX_VALUE)));
  }

  @ParameterizedTest
  @MethodSource("validForms")
  void validText_parse_givesTheDuration(String text, Duration expected) {
    assertThat(DurationText.parse(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", "5", "-1s", "+1s", "1x", "s", " 5s", "5s ", "1.5", "5 s", "5S", ".s", "1s-",
    "9223372036854775808ns", "2562048h"
  })
  void invalidText_parse_isEmpty(String text) {
    assertThat(DurationText.parse(text)).isEmpty();
  }

  @Test
  void nullOrOverlongText_parse_isEmpty() {
    assertThat(DurationText.parse(null)).isEmpty();
    assertThat(DurationText.parse("1s".repeat(33))).as("66 characters").isEmpty();
    assertThat(DurationText.parse("1s".repeat(32))).as("64 characters").contains(Duration.ofSeconds(32));
  }
}
