package io.harpoon.supervisor.adapters.runtime;

import io.harpoon.supervisor.application.port.out.SupervisorLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Captures what the adapter logs. */
final class RecordingLog implements SupervisorLog {

  final List<String> infos = new CopyOnWriteArrayList<>();
  final List<String> warnings = new CopyOnWriteArrayList<>();

  @Override
  public void info(String message) {
    infos.add(message);
  }

  @Override
  public void warn(String message) {
    warnings.add(message);
  }
}
