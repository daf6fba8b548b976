package io.harpoon.supervisor.domain.container;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as agent.json writes them, in Go's {@code time.ParseDuration} syntax: a sequence of decimal
 * numbers with units {@code ns us µs ms s m h}, e.g. {@code "250ms"}, {@code "1.5s"}, {@code "1m30s"}.
 * Signs are refused: a grace period cannot be negative.
 */
public final class DurationText {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
  private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

  private DurationText() {}

  /** The duration {@code text} denotes, or empty when it is not a valid duration. */
  public static Optional<Duration> parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 64) {
      return Optional.empty();
    }
    if (text.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher part = PART.matcher(text);
    BigDecimal nanos = BigDecimal.ZERO;
    int end = 0;
    while (part.find() && part.start() == end) {
      nanos = nanos.add(new BigDecimal(part.group(1)).multiply(unitNanos(part.group(2))));
      end = part.end();
    }
    if (end != text.length() || nanos.compareTo(MAX_NANOS) > 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(nanos.longValue()));
  }

  private static BigDecimal unitNanos(String unit) {
    switch (unit) {
      case "ns":
        return BigDecimal.ONE;
      case "us":
      case "µs": // U+00B5 micro sign
      case "μs": // U+03BC Greek mu, which Go accepts too
        return BigDecimal.valueOf(1_000L);
      case "ms":
        return BigDecimal.valueOf(1_000_000L);
      case "s":
        return BigDecimal.valueOf(1_000_000_000L);
      case "m":
        return BigDecimal.valueOf(60_000_000_000L);
      case "h":
        return BigDecimal.valueOf(3_600_000_000_000L);
      default:
        throw new AssertionError(unit);
    }
  }
}
