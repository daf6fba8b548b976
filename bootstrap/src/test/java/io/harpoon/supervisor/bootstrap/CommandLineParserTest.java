package io.harpoon.supervisor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandLineParserTest {

  private final CommandLineParser parser = new CommandLineParser();

  @Test
  void logFormat_defaultsToTextAndTakesJson() throws UsageException {
    assertThat(parser.parse(new String[] {"--hostname", "h", "--ID", "x", "--", "true"}).logFormat())
        .isEqualTo("text");
    assertThat(parser.parse(new String[] {"--hostname", "h", "--ID", "x", "--log-format", "json",
        "--", "true"}).logFormat()).isEqualTo("json");
  }

  @Test
  void logFormat_anythingElse_isAUsageError() {
    assertThatThrownBy(() -> parser.parse(new String[] {"--hostname", "h", "--ID", "x",
        "--log-format", "xml", "--", "true"}))
        .isInstanceOf(UsageException.class)
        .hasMessage("--log-format: 'xml' is not text or json");
  }
}
