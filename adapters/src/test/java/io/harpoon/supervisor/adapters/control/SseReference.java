package io.harpoon.supervisor.adapters.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The decoder's contract written the obvious way, as an oracle for fuzzing: split the whole input
 * into lines first, then apply the EventSource rules line by line, checking the caps as {@link
 * SseDecoder} documents them. Slow and simple on purpose; it shares no code with the decoder.
 */
final class SseReference {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private SseReference() {}

  /** The events of {@code input}, followed by the failure text if a cap was exceeded. */
  static List<Object> decode(byte[] input, int maxLine, int maxEvent) {
    List<Object> out = new ArrayList<>();
    Lines lines = split(input);
    Pending event = new Pending();
    for (int n = 0; n < lines.all.size(); n++) {
      byte[] line = lines.all.get(n);
      if (line.length > maxLine) {
        out.add("line too long");
        return out;
      }
      if (n == lines.terminated) {
        break;
      }
      if (n == 0 && startsWith(line, BOM)) {
        line = Arrays.copyOfRange(line, 3, line.length);
      }
      if (line.length == 0) {
        event.dispatch(out);
      } else if (line[0] != ':' && event.field(line) > maxEvent) {
        out.add("event too large");
        return out;
      }
    }
    return out;
  }

  /** The event being read: its type, its data lines, and the bytes they count for the cap. */
  private static final class Pending {
    private String type = "";
    private final StringBuilder data = new StringBuilder();
    private long typeBytes;
    private long dataBytes;
    private boolean hasField;

    /** Takes a field line; returns the bytes the event now holds. */
    long field(byte[] line) {
      int colon = indexOf(line, (byte) ':');
      int nameEnd = colon < 0 ? line.length : colon;
      int valueStart = colon < 0 ? line.length : colon + 1;
      if (valueStart < line.length && line[valueStart] == ' ') {
        valueStart++;
      }
      String name = utf8(line, 0, nameEnd);
      if (name.equals("event")) {
        type = utf8(line, valueStart, line.length);
        typeBytes = line.length - valueStart;
        hasField = true;
      } else if (name.equals("data")) {
        data.append(utf8(line, valueStart, line.length)).append('\n');
        dataBytes += line.length - valueStart + 1;
        hasField = true;
      }
      return typeBytes + dataBytes;
    }

    void dispatch(List<Object> out) {
      if (hasField) {
        String joined = data.length() == 0 ? "" : data.substring(0, data.length() - 1);
        out.add(new SseEvent(type.isEmpty() ? "message" : type, joined));
      }
      type = "";
      data.setLength(0);
      typeBytes = 0;
      dataBytes = 0;
      hasField = false;
    }
  }

  /** Lines of the input; the first {@code terminated} of them ended with CR, LF or CRLF. */
  private static final class Lines {
    final List<byte[]> all = new ArrayList<>();
    int terminated;
  }

  private static Lines split(byte[] input) {
    Lines lines = new Lines();
    ByteArrayOutputStream current = new ByteArrayOutputStream();
    for (int i = 0; i < input.length; i++) {
      byte b = input[i];
      if (b == '\r' || b == '\n') {
        lines.all.add(current.toByteArray());
        current.reset();
        if (b == '\r' && i + 1 < input.length && input[i + 1] == '\n') {
          i++;
        }
      } else {
        current.write(b);
      }
    }
    lines.terminated = lines.all.size();
    lines.all.add(current.toByteArray());
    return lines;
  }

  private static boolean startsWith(byte[] line, byte[] prefix) {
    return line.length >= prefix.length
        && Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static int indexOf(byte[] line, byte wanted) {
    for (int i = 0; i < line.length; i++) {
      if (line[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static String utf8(byte[] bytes, int from, int to) {
    return new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }
}
