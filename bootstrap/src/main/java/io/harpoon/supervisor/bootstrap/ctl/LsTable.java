package io.harpoon.supervisor.bootstrap.ctl;

import io.harpoon.supervisor.bootstrap.Lifelines;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The table of {@code ls}: {@code ID STATE PID UP RESTARTS OOMS MEM}, columns as wide as their
 * widest cell, two spaces apart, as {@code docker ps} lays them out. A dash marks what does not apply.
 */
final class LsTable {

  static final List<String> HEADER = List.of("ID", "STATE", "PID", "UP", "RESTARTS", "OOMS", "MEM");
  private static final String NONE = "-";

  private LsTable() {}

  static String of(List<LsRow> rows, Instant now) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(HEADER);
    for (LsRow row : rows) {
      cells.add(row instanceof LsRow.Answered
          ? answered((LsRow.Answered) row, now)
          : unreachable((LsRow.Unreachable) row));
    }
    return layout(cells);
  }

  private static List<String> answered(LsRow.Answered row, Instant now) {
    ContainerProcessState state = row.snapshot().state().state();
    Optional<StatusReport> report = row.snapshot().known();
    String id = report.map(StatusReport::id).filter(s -> !s.isEmpty()).orElse(name(row.directory()));
    String pid = report.filter(r -> r.pid() > 0).map(r -> String.valueOf(r.pid())).orElse(NONE);
    String up = NONE;
    if (state.up() && report.isPresent()) {
      up = StatusReport.known(report.get().startedAt())
          .map(at -> Lifelines.duration(positive(Duration.between(at, now)).withNanos(0)))
          .orElse(NONE);
    }
    return List.of(id, PhaseWords.word(state, report, now), pid, up,
        String.valueOf(state.restarts()), String.valueOf(state.ooms()),
        StatusText.memory(state, report));
  }

  private static List<String> unreachable(LsRow.Unreachable row) {
    String state = row.exitCode() == ExitCode.NOT_A_SUPERVISOR ? "not a supervisor"
        : row.exitCode() == ExitCode.TIMEOUT ? "no answer" : "unreachable";
    return List.of(name(row.directory()), state, NONE, NONE, NONE, NONE, NONE);
  }

  private static String name(Path directory) {
    Path name = directory.toAbsolutePath().normalize().getFileName();
    return name == null ? directory.toString() : name.toString();
  }

  private static Duration positive(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }

  private static String layout(List<List<String>> cells) {
    int[] widths = new int[HEADER.size()];
    for (List<String> row : cells) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], Printable.text(row.get(i)).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> row : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = Printable.text(row.get(i));
        line.append(cell);
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - cell.length() + 2));
        }
      }
      text.append(line).append('\n');
    }
    return text.toString();
  }
}
