package io.harpoon.supervisor.adapters.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Parses the Server-Sent Events a client sends, incrementally and byte by byte, by the WHATWG
 * EventSource rules: LF, CRLF and CR end lines (also when a CRLF is split across reads); one UTF-8 BOM
 * at the start of the stream is skipped; {@code :} lines are comments; {@code field: value} loses one
 * space after the colon; a line without a colon is a field with an empty value; an empty line ends the
 * event. Invalid UTF-8 becomes U+FFFD. One deliberate difference from a browser: an event with an
 * {@code event} field but no {@code data} is dispatched, because commands carry no data ({@code
 * event: stop\n\n}). A block of only comments or unknown fields dispatches nothing.
 *
 * <p>Memory is bounded: a line longer than {@code maxLineBytes}, or an event holding more than {@code
 * maxEventBytes} of type and data, fails the decoder for good, so a client trickling a never-ending
 * event holds at most both caps. Not thread-safe: one decoder per connection.
 */
public final class SseDecoder {

  /** Default cap on one line, terminator excluded. */
  public static final int DEFAULT_MAX_LINE_BYTES = 8 * 1024;
  /** Default cap on the type and data one event may buffer. */
  public static final int DEFAULT_MAX_EVENT_BYTES = 64 * 1024;

  private static final byte CR = '\r';
  private static final byte LF = '\n';
  private static final byte COLON = ':';
  private static final int SMALL = 256;

  private final int maxLineBytes;
  private final int maxEventBytes;
  private byte[] line = new byte[0];
  private int lineLength;
  private boolean afterCr;
  private boolean firstLine = true;
  private String eventType = "";
  private StringBuilder data = new StringBuilder();
  private int eventTypeBytes;
  private int dataBytes;
  private boolean hasField;
  private String failure = "";

  /** A decoder with the default caps. */
  public SseDecoder() {
    this(DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_EVENT_BYTES);
  }

  public SseDecoder(int maxLineBytes, int maxEventBytes) {
    if (maxLineBytes < 1 || maxEventBytes < 1) {
      throw new IllegalArgumentException("decoder caps must be positive");
    }
    this.maxLineBytes = maxLineBytes;
    this.maxEventBytes = maxEventBytes;
  }

  /**
   * Consumes every remaining byte of {@code bytes}, handing each complete event to {@code events} in
   * order. Returns false once a cap was exceeded; the decoder then ignores all further input.
   */
  public boolean feed(ByteBuffer bytes, Consumer<SseEvent> events) {
    while (bytes.hasRemaining() && !failed()) {
      accept(bytes.get(), events);
    }
    bytes.position(bytes.limit());
    return !failed();
  }

  /** Whether a cap was exceeded. */
  public boolean failed() {
    return !failure.isEmpty();
  }

  /** Which cap was exceeded ({@code line too long} or {@code event too large}); empty if none. */
  public String failure() {
    return failure;
  }

  /**
   * The input bytes held for an incomplete line and event: at most {@code maxLineBytes +
   * maxEventBytes + 1} (the last line may take the event one line past its cap before it fails).
   */
  int bufferedBytes() {
    return lineLength + eventTypeBytes + dataBytes;
  }

  private void accept(byte b, Consumer<SseEvent> events) {
    if (b == LF && afterCr) {
      afterCr = false;
      return;
    }
    afterCr = b == CR;
    if (b == CR || b == LF) {
      endLine(events);
    } else if (lineLength == maxLineBytes) {
      failure = "line too long";
    } else {
      append(b);
    }
  }

  private void append(byte b) {
    if (lineLength == line.length) {
      line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(SMALL, line.length * 2)));
    }
    line[lineLength++] = b;
  }

  private void endLine(Consumer<SseEvent> events) {
    int start = firstLine && startsWithBom() ? 3 : 0;
    firstLine = false;
    int end = lineLength;
    lineLength = 0;
    if (start == end) {
      dispatch(events);
    } else if (line[start] != COLON) {
      field(start, end);
    }
    if (line.length > SMALL) {
      line = new byte[SMALL];
    }
  }

  private boolean startsWithBom() {
    return lineLength >= 3
        && line[0] == (byte) 0xEF
        && line[1] == (byte) 0xBB
        && line[2] == (byte) 0xBF;
  }

  /** A field line; ':' is ASCII and never part of a multi-byte UTF-8 sequence, so bytes split safely. */
  private void field(int start, int end) {
    int colon = start;
    while (colon < end && line[colon] != COLON) {
      colon++;
    }
    int valueStart = Math.min(end, colon + 1);
    if (valueStart < end && line[valueStart] == ' ') {
      valueStart++;
    }
    String name = text(start, colon);
    if (name.equals("event")) {
      eventTypeBytes = end - valueStart;
      eventType = text(valueStart, end);
      hasField = true;
    } else if (name.equals("data")) {
      dataBytes += end - valueStart + 1;
      data.append(text(valueStart, end)).append('\n');
      hasField = true;
    }
    if (eventTypeBytes + dataBytes > maxEventBytes) {
      failure = "event too large";
    }
  }

  private void dispatch(Consumer<SseEvent> events) {
    if (hasField) {
      int dataLength = Math.max(0, data.length() - 1);
      String type = eventType.isEmpty() ? SseEvent.DEFAULT_TYPE : eventType;
      events.accept(new SseEvent(type, data.substring(0, dataLength)));
    }
    eventType = "";
    data = data.capacity() > SMALL ? new StringBuilder() : data.delete(0, data.length());
    eventTypeBytes = 0;
    dataBytes = 0;
    hasField = false;
  }

  private String text(int from, int to) {
    return new String(line, from, to - from, StandardCharsets.UTF_8);
  }
}
