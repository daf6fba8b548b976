package io.harpoon.supervisor.adapters.log;

/** How much a line matters to an operator: {@code ERROR} lines ask for action. */
public enum LogLevel {
  INFO,
  WARN,
  ERROR
}
