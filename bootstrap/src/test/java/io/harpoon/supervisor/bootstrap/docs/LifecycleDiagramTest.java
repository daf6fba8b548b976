package io.harpoon.supervisor.bootstrap.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.lifecycle.Phase;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The state diagram in docs/ is the domain's: {@code lifecycle.mmd}, {@code lifecycle.dot} and the
 * Mermaid block in {@code architecture.md} must equal what {@link LifecycleGraph} finds in {@code
 * Lifecycle.next} now, and {@code lifecycle.png} must have been rendered from this {@code .dot}
 * (its checksum is in {@code lifecycle.dot.sha256}). Run with {@code -Dharpoon.docs.update=true} to
 * rewrite the text files; scripts/render-diagram.sh does that and renders the PNG.
 */
class LifecycleDiagramTest {

  static final String REGION = "lifecycle-diagram";
  private static final String HOW_TO_FIX =
      " is out of date with Lifecycle.next: run scripts/render-diagram.sh to regenerate it";

  private static LifecycleGraph.Graph graph;
  private static Set<LifecycleGraph.Edge> edges;

  @BeforeAll
  static void explore() {
    graph = LifecycleGraph.explore();
    edges = graph.edges();
  }

  /**
   * The contract of issue 11, visible at a glance: {@code up:false restarting:false} only in the final
   * phases, and exactly there is {@code exit} accepted.
   */
  @Test
  void everyPhase_showsClientsDownForGoodOnlyWhereExitIsAccepted() {
    graph.seen().forEach((phase, seen) -> seen.forEach(s -> {
      boolean downForGood = !s.up() && !s.restarting();
      if (phase != Phase.TERMINATED) {
        assertThat(s.exitAccepted()).as("exit in %s", phase).isEqualTo(downForGood);
      }
      assertThat(downForGood).as("down for good in %s", phase)
          .isEqualTo(phase.isFinal() || phase == Phase.TERMINATED);
    }));
    assertThat(LifecycleDiagrams.describe(graph.seen().get(Phase.CREATED), " "))
        .isEqualTo("up:false restarting:true exit refused");
  }

  @Test
  void everyPhase_isReachedFromTheInitialState() {
    Set<Phase> reached = edges.stream().map(LifecycleGraph.Edge::to).collect(Collectors.toSet());
    reached.add(Phase.CREATED);

    assertThat(reached).containsExactlyInAnyOrder(Phase.values());
  }

  @Test
  void graph_containsTheRulesOfSpecSection6() {
    assertThat(edges)
        .contains(
            new LifecycleGraph.Edge(Phase.RUNNING, "stop", Phase.STOPPING),
            new LifecycleGraph.Edge(Phase.STOPPING, "shutdown grace over", Phase.KILLING),
            new LifecycleGraph.Edge(Phase.RUNNING, "exited", Phase.BACKOFF),
            new LifecycleGraph.Edge(Phase.BACKOFF, "restart delay over", Phase.STARTING),
            new LifecycleGraph.Edge(Phase.DOWN, "exit", Phase.TERMINATED));
    assertThat(edges).noneMatch(e -> e.from() == Phase.TERMINATED);
  }

  @Test
  void mermaidFile_matchesTheDomain() throws IOException {
    checkFile("lifecycle.mmd", LifecycleDiagrams.mermaid(graph));
  }

  @Test
  void dotFile_matchesTheDomain() throws IOException {
    checkFile("lifecycle.dot", LifecycleDiagrams.dot(graph));
  }

  @Test
  void architectureDocument_embedsTheMermaidDiagram() throws IOException {
    String block = "```mermaid\n" + LifecycleDiagrams.mermaid(graph) + "```\n";
    String markdown = DocsDirectory.read("architecture.md");
    if (DocsDirectory.UPDATE) {
      DocsDirectory.write("architecture.md", DocsDirectory.replaceRegion(markdown, REGION, block));
      markdown = DocsDirectory.read("architecture.md");
    }
    assertThat(DocsDirectory.region(markdown, REGION))
        .as("the diagram in docs/architecture.md" + HOW_TO_FIX)
        .isEqualTo(block);
  }

  @Test
  void png_wasRenderedFromTheCurrentDot() throws Exception {
    String recorded = DocsDirectory.read("lifecycle.dot.sha256");
    String actual = sha256(DocsDirectory.read("lifecycle.dot")) + "  lifecycle.dot\n";

    assertThat(DocsDirectory.path("lifecycle.png")).exists();
    assertThat(Files.size(DocsDirectory.path("lifecycle.png"))).isPositive();
    assertThat(recorded)
        .as(
            "docs/lifecycle.png was not rendered from docs/lifecycle.dot: run"
                + " scripts/render-diagram.sh")
        .isEqualTo(actual);
  }

  private static void checkFile(String name, String generated) throws IOException {
    if (DocsDirectory.UPDATE) {
      DocsDirectory.write(name, generated);
    }
    assertThat(DocsDirectory.read(name)).as("docs/" + name + HOW_TO_FIX).isEqualTo(generated);
  }

  private static String sha256(String text) throws NoSuchAlgorithmException {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return String.format("%064x", new BigInteger(1, digest));
  }
}
