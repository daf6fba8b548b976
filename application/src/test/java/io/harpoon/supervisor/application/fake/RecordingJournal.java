package io.harpoon.supervisor.application.fake;

import io.harpoon.supervisor.application.port.out.StateJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps every entry recorded; {@link #last()} returns the latest (or a preset previous one). */
public final class RecordingJournal implements StateJournal {

  private final List<Entry> entries = new ArrayList<>();

  public RecordingJournal() {}

  public RecordingJournal(Entry previous) {
    entries.add(previous);
  }

  @Override
  public synchronized void record(Entry entry) {
    entries.add(entry);
  }

  @Override
  public synchronized Optional<Entry> last() {
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }
}
