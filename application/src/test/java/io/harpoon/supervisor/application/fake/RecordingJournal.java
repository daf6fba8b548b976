package io.harpoon.supervisor.application.fake;

import io.harpoon.supervisor.application.port.out.StateJournal;
import io.harpoon.supervisor.domain.lifecycle.Checkpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps every checkpoint recorded; {@link #last()} returns the latest (or a preset previous one). */
public final class RecordingJournal implements StateJournal {

  private final List<Checkpoint> entries = new ArrayList<>();

  public RecordingJournal() {}

  public RecordingJournal(Checkpoint previous) {
    entries.add(previous);
  }

  @Override
  public synchronized void record(Checkpoint checkpoint) {
    entries.add(checkpoint);
  }

  @Override
  public synchronized Optional<Checkpoint> last() {
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
  }

  public synchronized List<Checkpoint> entries() {
    return List.copyOf(entries);
  }
}
