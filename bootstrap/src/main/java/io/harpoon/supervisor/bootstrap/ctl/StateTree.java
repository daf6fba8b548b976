package io.harpoon.supervisor.bootstrap.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import io.harpoon.supervisor.adapters.json.ExitStatusJson;
import io.harpoon.supervisor.adapters.json.JsonTrees;
import io.harpoon.supervisor.adapters.json.MetricsJson;
import io.harpoon.supervisor.adapters.json.StateJson;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.io.IOException;
import java.util.Optional;

/**
 * Decodes a state's JSON into the supervisor's own wire records ({@link StateJson}, whose {@code
 * toState} checks them) from a tree read with the streaming factory ({@link JsonTrees}), not through
 * databind: building an ObjectMapper and introspecting the records cost a short-lived harpoonctl more
 * CPU than everything else it does. A key may be missing (it reads as false or 0, as databind's
 * defaults would); a value of the wrong type makes the state invalid.
 */
final class StateTree {

  private StateTree() {}

  /** The state in {@code data}, or empty when it is not a valid state. */
  static Optional<ContainerProcessState> decode(String data) {
    try {
      JsonNode state = JsonTrees.read(data);
      if (state == null || !state.isObject()) {
        return Optional.empty();
      }
      JsonNode exit = state.path("container_exit_status");
      JsonNode metrics = state.path("container_metrics");
      if (!exit.isObject() || !metrics.isObject()) {
        return Optional.empty();
      }
      return new StateJson(flag(state, "up"), flag(state, "restarting"), text(state, "err"),
          new ExitStatusJson(flag(exit, "exited"), integer(exit, "exit_status"),
              flag(exit, "signaled"), integer(exit, "signal"), flag(exit, "oomed"),
              flag(exit, "unknown")),
          integer(state, "restarts"), integer(state, "ooms"),
          new MetricsJson(number(metrics, "cpu_time"), number(metrics, "memory_usage"),
              number(metrics, "memory_limit")))
          .toState();
    } catch (IOException | WrongType malformed) {
      return Optional.empty();
    }
  }

  private static boolean flag(JsonNode object, String key) throws WrongType {
    JsonNode value = object.path(key);
    if (value.isMissingNode()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new WrongType();
    }
    return value.booleanValue();
  }

  private static long number(JsonNode object, String key) throws WrongType {
    JsonNode value = object.path(key);
    if (value.isMissingNode()) {
      return 0;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new WrongType();
    }
    return value.longValue();
  }

  private static int integer(JsonNode object, String key) throws WrongType {
    long number = number(object, key);
    if ((int) number != number) {
      throw new WrongType();
    }
    return (int) number;
  }

  private static String text(JsonNode object, String key) throws WrongType {
    JsonNode value = object.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return "";
    }
    if (!value.isTextual()) {
      throw new WrongType();
    }
    return value.textValue();
  }

  /** A value of the wrong type: the data is no state. */
  private static final class WrongType extends Exception {
    private static final long serialVersionUID = 1L;

    WrongType() {
      super(null, null, false, false);
    }
  }
}
