package io.harpoon.supervisor.adapters.control;

import java.util.Objects;

/**
 * One Server-Sent Event.
 *
 * @param type the last {@code event} field, or {@code message} when the event had none
 * @param data the {@code data} lines joined with {@code \n}; empty when there were none
 */
public record SseEvent(String type, String data) {

  /** The type of an event without an {@code event} field (WHATWG EventSource). */
  public static final String DEFAULT_TYPE = "message";

  public SseEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
  }
}
