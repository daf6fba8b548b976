package io.harpoon.supervisor.bootstrap.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.bootstrap.CommandLineParser;
import io.harpoon.supervisor.bootstrap.docs.DocsDirectory;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md shows the {@code --help} of both programs verbatim, each in a fenced block
 * between marker comments. Run with {@code -Dharpoon.docs.update=true} to rewrite the blocks.
 */
class HelpTextDocumentedTest {

  private static final String DOCUMENT = "operations.md";

  @Test
  void supervisorHelp_isInOperationsVerbatim() throws IOException {
    check("supervisor-help", new CommandLineParser().usage());
  }

  @Test
  void harpoonctlHelp_isInOperationsVerbatim() throws IOException {
    check("harpoonctl-help", new CtlCommandLine().usage());
  }

  private static void check(String region, String help) throws IOException {
    String block = "```text\n" + help + "```\n";
    if (DocsDirectory.UPDATE) {
      DocsDirectory.write(
          DOCUMENT, DocsDirectory.replaceRegion(DocsDirectory.read(DOCUMENT), region, block));
    }
    assertThat(DocsDirectory.region(DocsDirectory.read(DOCUMENT), region))
        .as(
            "the --help in docs/operations.md (between <!-- %s --> markers) differs from the"
                + " program's: paste the new text there, or run mvn -pl bootstrap test"
                + " -Dtest=HelpTextDocumentedTest -Dharpoon.docs.update=true",
            region)
        .isEqualTo(block);
  }
}
