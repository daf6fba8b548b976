package io.harpoon.supervisor.adapters.control;

import io.harpoon.supervisor.application.port.out.SupervisorLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every log line. */
public final class RecordingLog implements SupervisorLog {

  private final List<String> infos = new CopyOnWriteArrayList<>();
  private final List<String> warnings = new CopyOnWriteArrayList<>();

  @Override
  public void info(String message) {
    infos.add(message);
  }

  @Override
  public void warn(String message) {
    warnings.add(message);
  }

  public List<String> warnings() {
    return warnings;
  }
}
