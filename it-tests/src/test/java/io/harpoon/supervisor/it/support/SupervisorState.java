package io.harpoon.supervisor.it.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * A ContainerProcessState as received (SPEC §5), read field by field so that a test can assert both
 * the values and the exact wire shape (key order, omitted fields).
 *
 * @param json the parsed JSON object
 * @param data the JSON text exactly as received
 * @param receivedNanos {@link System#nanoTime()} when it was received
 */
public record SupervisorState(JsonNode json, String data, long receivedNanos) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Parses the data of a {@code state} event; fails the test when it is not a JSON object. */
  public static SupervisorState of(SseEvent event) {
    try {
      JsonNode json = MAPPER.readTree(event.data());
      if (json == null || !json.isObject()) {
        throw new AssertionError("state data is not a JSON object: " + event.data());
      }
      return new SupervisorState(json, event.data(), event.receivedNanos());
    } catch (JsonProcessingException e) {
      throw new AssertionError("state data is not JSON: " + event.data(), e);
    }
  }

  public boolean up() {
    return json.path("up").asBoolean(false);
  }

  public boolean restarting() {
    return json.path("restarting").asBoolean(false);
  }

  /** The error text, empty when the field is omitted. */
  public String err() {
    return json.path("err").asText("");
  }

  /** {@code container_exit_status} as compact JSON, e.g. {@code {"signaled":true,"signal":9}}. */
  public String exitStatus() {
    return json.path("container_exit_status").toString();
  }

  public boolean exited() {
    return json.path("container_exit_status").path("exited").asBoolean(false);
  }

  public int exitCode() {
    return json.path("container_exit_status").path("exit_status").asInt(0);
  }

  public boolean signaled() {
    return json.path("container_exit_status").path("signaled").asBoolean(false);
  }

  public int signal() {
    return json.path("container_exit_status").path("signal").asInt(0);
  }

  public boolean oomed() {
    return json.path("container_exit_status").path("oomed").asBoolean(false);
  }

  public boolean unknown() {
    return json.path("container_exit_status").path("unknown").asBoolean(false);
  }

  public long restarts() {
    return json.path("restarts").asLong(-1);
  }

  public long ooms() {
    return json.path("ooms").asLong(-1);
  }

  public long cpuTime() {
    return json.path("container_metrics").path("cpu_time").asLong(-1);
  }

  public long memoryUsage() {
    return json.path("container_metrics").path("memory_usage").asLong(-1);
  }

  public long memoryLimit() {
    return json.path("container_metrics").path("memory_limit").asLong(-1);
  }

  /** Whether the container ran and is now down: not up, with an exit status. */
  public boolean ended() {
    return !up() && !json.path("container_exit_status").isEmpty();
  }

  /** Whether the container ran and will stay down: the state a client acknowledges with exit. */
  public boolean endedForGood() {
    return ended() && !restarting();
  }

  /** The top-level keys in wire order. */
  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Override
  public String toString() {
    return data;
  }
}
