package io.harpoon.supervisor.bootstrap.docs;

import io.harpoon.supervisor.domain.lifecycle.Phase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The phase graph as text: Mermaid {@code stateDiagram-v2} (rendered by GitHub in Markdown) and
 * Graphviz DOT (rendered to PNG by scripts/render-diagram.sh). Transitions between the same two
 * phases share one arrow, their events joined by commas.
 */
final class LifecycleDiagrams {

  static final String GENERATED =
      "Generated from Lifecycle.next by LifecycleDiagramTest; do not edit."
          + " Regenerate with scripts/render-diagram.sh.";

  /** Layout and looks of the Graphviz drawing; nodesep keeps the edge labels apart. */
  private static final String DOT_HEADER =
      String.join(
          "\n",
          "digraph lifecycle {",
          "  rankdir=TB;",
          "  nodesep=0.6;",
          "  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=11];",
          "  edge [fontname=\"Helvetica\", fontsize=9];",
          "  start [shape=point, width=0.15];",
          "  end [shape=doublecircle, label=\"\", width=0.12];",
          "");

  private LifecycleDiagrams() {}

  static String mermaid(LifecycleGraph.Graph graph) {
    Set<LifecycleGraph.Edge> edges = graph.edges();
    StringBuilder text = new StringBuilder("stateDiagram-v2\n");
    text.append("    %% ").append(GENERATED).append('\n');
    graph.seen().forEach((phase, seen) ->
        text.append("    ").append(phase).append(" : ").append(describe(seen, " · ")).append('\n'));
    text.append("    [*] --> ").append(Phase.CREATED).append('\n');
    text.append("    [*] --> ").append(Phase.FAILED).append(" : config rejected\n");
    arrows(edges)
        .forEach(
            (pair, labels) ->
                text.append("    ")
                    .append(pair.get(0))
                    .append(" --> ")
                    .append(pair.get(1))
                    .append(" : ")
                    .append(labels)
                    .append('\n'));
    text.append("    ").append(Phase.TERMINATED).append(" --> [*]\n");
    return text.toString();
  }

  static String dot(LifecycleGraph.Graph graph) {
    Set<LifecycleGraph.Edge> edges = graph.edges();
    StringBuilder text = new StringBuilder("// " + GENERATED + "\n").append(DOT_HEADER);
    graph.seen().forEach((phase, seen) -> text.append("  ").append(phase).append(" [label=\"").append(phase)
        .append("\\n").append(describe(seen, "\\n")).append("\"];\n"));
    text.append("  start -> ").append(Phase.CREATED).append(";\n");
    text.append("  start -> ").append(Phase.FAILED).append(" [label=\"config rejected\"];\n");
    arrows(edges)
        .forEach(
            (pair, labels) ->
                text.append("  ")
                    .append(pair.get(0))
                    .append(" -> ")
                    .append(pair.get(1))
                    .append(" [label=\"")
                    .append(labels)
                    .append("\"];\n"));
    text.append("  ").append(Phase.TERMINATED).append(" -> end;\n");
    return text.append("}\n").toString();
  }

  /**
   * What a client sees in a phase: {@code up}, {@code restarting} (both values where it depends on the
   * policy or the goal) and whether {@code exit} is accepted, e.g. {@code up:false restarting:true} and
   * {@code exit refused}.
   */
  static String describe(Set<LifecycleGraph.Seen> seen, String separator) {
    return "up:" + values(seen, LifecycleGraph.Seen::up) + " restarting:"
        + values(seen, LifecycleGraph.Seen::restarting) + separator + "exit "
        + (seen.stream().allMatch(LifecycleGraph.Seen::exitAccepted) ? "accepted"
            : seen.stream().noneMatch(LifecycleGraph.Seen::exitAccepted) ? "refused" : "accepted or refused");
  }

  private static String values(Set<LifecycleGraph.Seen> seen, java.util.function.Predicate<LifecycleGraph.Seen> flag) {
    boolean anyTrue = seen.stream().anyMatch(flag);
    boolean anyFalse = seen.stream().anyMatch(flag.negate());
    return anyTrue && anyFalse ? "true|false" : Boolean.toString(anyTrue);
  }

  /** (from, to) to the comma-joined labels of its transitions, in the edges' order. */
  private static Map<List<Phase>, String> arrows(Set<LifecycleGraph.Edge> edges) {
    return edges.stream()
        .collect(
            Collectors.groupingBy(
                e -> List.of(e.from(), e.to()),
                LinkedHashMap::new,
                Collectors.mapping(LifecycleGraph.Edge::label, Collectors.joining(", "))));
  }
}
