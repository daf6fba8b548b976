package io.harpoon.supervisor.application.fake;

import io.harpoon.supervisor.application.port.out.SupervisorLog;
import java.util.ArrayList;
import java.util.List;

/** Keeps every log line, prefixed with its level. */
public final class RecordingLog implements SupervisorLog {

  private final List<String> lines = new ArrayList<>();

  @Override
  public synchronized void info(String message) {
    lines.add("INFO " + message);
  }

  @Override
  public synchronized void warn(String message) {
    lines.add("WARN " + message);
  }

  @Override
  public synchronized void error(String message) {
    lines.add("ERROR " + message);
  }

  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }
}
