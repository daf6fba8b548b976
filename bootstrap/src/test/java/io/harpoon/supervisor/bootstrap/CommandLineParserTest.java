package io.harpoon.supervisor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpoon.supervisor.adapters.runtime.RuntimePolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineParserTest {

  @Test
  void noPidsLimitFlag_parse_usesTheDefault() throws UsageException {
    assertThat(parse().policy().pidsLimit()).isEqualTo(RuntimePolicy.DEFAULT_PIDS_LIMIT).isEqualTo(4096);
  }

  @Test
  void pidsLimitFlag_parse_isThePolicysLimit() throws UsageException {
    assertThat(parse("--pids-limit", "64").policy().pidsLimit()).isEqualTo(64);
  }

  @Test
  void pidsLimitZeroOrMax_parse_meansNoLimit() throws UsageException {
    assertThat(parse("--pids-limit", "0").policy().pidsLimit()).isZero();
    assertThat(parse("--pids-limit", "max").policy().pidsLimit()).isZero();
  }

  @Test
  void badPidsLimit_parse_isAUsageErrorSayingWhy() {
    assertThatThrownBy(() -> parse("--pids-limit", "-1"))
        .isInstanceOf(UsageException.class).hasMessageContaining("--pids-limit must be between 0");
    assertThatThrownBy(() -> parse("--pids-limit", "4194305"))
        .isInstanceOf(UsageException.class).hasMessageContaining("4194304");
    assertThatThrownBy(() -> parse("--pids-limit", "lots"))
        .isInstanceOf(UsageException.class).hasMessage("--pids-limit: 'lots' is not a number or max");
  }

  @Test
  void logFormat_defaultsToTextAndTakesJson() throws UsageException {
    assertThat(parse().logFormat()).isEqualTo("text");
    assertThat(parse("--log-format", "json").logFormat()).isEqualTo("json");
  }

  @Test
  void logFormat_anythingElse_isAUsageError() {
    assertThatThrownBy(() -> parse("--log-format", "xml"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--log-format: 'xml' is not text or json");
  }

  @Test
  void maxRestartDelayBelowTheDelay_parse_isRaisedToIt() throws UsageException {
    assertThat(parse("--restart-delay", "5s", "--max-restart-delay", "1s").backoff().max())
        .isEqualTo(java.time.Duration.ofSeconds(5));
  }

  private static CommandLine parse(String... options) throws UsageException {
    List<String> args = new ArrayList<>(List.of("--hostname", "h", "--ID", "c1"));
    args.addAll(List.of(options));
    args.addAll(List.of("--", "sh"));
    return new CommandLineParser().parse(args.toArray(new String[0]));
  }
}
