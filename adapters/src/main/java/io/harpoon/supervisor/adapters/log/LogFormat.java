package io.harpoon.supervisor.adapters.log;

import java.time.Instant;

/**
 * How one log line is spelled: {@link TextLogFormat} for people, {@link JsonLogFormat} for log
 * shippers ({@code --log-format=json}). Pure: the writer decides where and when a line goes.
 */
public interface LogFormat {

  /** The line, without its line end, for {@code message} logged at {@code at} with {@code level}. */
  String line(Instant at, LogLevel level, String message);

  /** The format named {@code name} on the command line ({@code text} or {@code json}). */
  static LogFormat named(String name, String program, String id) {
    switch (name) {
      case "text":
        return new TextLogFormat(program, id);
      case "json":
        return new JsonLogFormat(program, id);
      default:
        throw new IllegalArgumentException("unknown log format: " + name);
    }
  }
}
