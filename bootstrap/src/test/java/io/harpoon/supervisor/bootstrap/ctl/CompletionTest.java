package io.harpoon.supervisor.bootstrap.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.cli.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bash completion shipped in the distribution, run by bash as a shell would. */
class CompletionTest {

  private static final Path SCRIPT = Path.of("src/main/dist/completion/harpoonctl.bash");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "harpoonctl ''                 | status ls watch stop kill exit help",
        "harpoonctl st                 | status stop",
        "harpoonctl --dir /x s         | status stop",
        "harpoonctl status --          | --json --timeout --dir --help",
        "harpoonctl watch --           | --samples --raw --timeout --dir --help",
        "harpoonctl stop --w           | --wait",
        "harpoonctl ls --j             | --json",
        "harpoonctl --                 | --dir --help --version",
      })
  void completes_commandsAndTheOptionsOfEach(String line, String expected) throws Exception {
    assertThat(complete(line.replace("''", ""))).isEqualTo(expected);
  }

  @Test
  void everyOptionOfHarpoonctl_isCompletedSomewhere() throws IOException {
    String script = Files.readString(SCRIPT, StandardCharsets.UTF_8);

    for (Option option : CtlOptionSet.options().getOptions()) {
      assertThat(script).as("completion of --%s", option.getLongOpt())
          .contains("--" + option.getLongOpt());
    }
    for (Action action : Action.values()) {
      assertThat(script).contains(action.word());
    }
  }

  /** What bash offers for {@code line} (the last word is completed). */
  private static String complete(String line) throws Exception {
    List<String> words = List.of(line.split(" ", -1));
    StringBuilder array = new StringBuilder();
    for (String word : words) {
      array.append('\'').append(word).append("' ");
    }
    String program = "source " + SCRIPT.toAbsolutePath() + "\nCOMP_WORDS=(" + array + ")\n"
        + "COMP_CWORD=" + (words.size() - 1) + "\n_harpoonctl\necho \"${COMPREPLY[*]}\"\n";
    Process bash = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", program)
        .redirectErrorStream(true).start();
    assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
  }
}
