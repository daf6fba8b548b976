package io.harpoon.supervisor.it.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A small, independent decoder of the WHATWG EventSource format, so that the tests check the supervisor's
 * framing instead of sharing its codec: LF, CRLF and CR line ends (also split across reads), a leading BOM,
 * {@code :} comments, one optional space after the colon, multi-line data joined by LF.
 */
final class SseDecoder {

  private static final String BOM = "\uFEFF";

  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private final Consumer<SseEvent> sink;
  private boolean afterCr;
  private boolean firstLine = true;
  private String type = "";
  private StringBuilder data;

  SseDecoder(Consumer<SseEvent> sink) {
    this.sink = sink;
  }

  /** Decodes {@code length} bytes, emitting every event they complete. */
  void feed(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      byte b = bytes[i];
      boolean lfOfCrlf = afterCr && b == '\n';
      afterCr = b == '\r';
      if (lfOfCrlf) {
        continue;
      }
      if (b == '\r' || b == '\n') {
        endLine();
      } else {
        line.write(b);
      }
    }
  }

  private void endLine() {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (firstLine && text.startsWith(BOM)) {
      text = text.substring(1);
    }
    firstLine = false;
    if (text.isEmpty()) {
      dispatch();
    } else if (!text.startsWith(":")) {
      field(text);
    }
  }

  private void field(String text) {
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    String value = colon < 0 ? "" : text.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    if (name.equals("event")) {
      type = value;
    } else if (name.equals("data")) {
      data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
    }
  }

  private void dispatch() {
    if (!type.isEmpty() || data != null) {
      String eventType = type.isEmpty() ? "message" : type;
      sink.accept(new SseEvent(eventType, data == null ? "" : data.toString(), System.nanoTime()));
    }
    type = "";
    data = null;
  }
}
