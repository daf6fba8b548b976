package io.harpoon.supervisor.it.support;

/**
 * One event received on the control socket.
 *
 * @param type the {@code event:} field ({@code "message"} when the server sent none, as in WHATWG)
 * @param data the {@code data:} lines joined by LF, empty when there were none
 * @param receivedNanos {@link System#nanoTime()} when the test read its last byte, to measure gaps
 */
public record SseEvent(String type, String data, long receivedNanos) {

  /** Whether this is a {@code state} event. */
  public boolean isState() {
    return "state".equals(type);
  }

  @Override
  public String toString() {
    return "event: " + type + " data: " + data;
  }
}
