package io.harpoon.supervisor.adapters.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.harpoon.supervisor.adapters.json.JsonTrees;
import io.harpoon.supervisor.domain.container.ConfigDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the agent.json object (SPEC §4) onto a {@link ConfigDraft}, field by field, leniently (see
 * {@link JsonFields}). Unknown keys are ignored. {@code command.exec} is only type-checked: the
 * command line's arguments are what runs, but a malformed config is reported rather than
 * half-trusted.
 */
final class AgentJsonDecoder {

  private static final List<String> LABELS =
      List.of("product", "environment", "job", "artifact_url");

  private AgentJsonDecoder() {}

  /** Decodes {@code root} (an object), adding each problem met to {@code problems}. */
  static ConfigDraft decode(JsonNode root, List<String> problems) {
    JsonFields fields = new JsonFields(problems);
    Map<String, String> labels = labels(root, fields);
    List<String> healthChecks = healthChecks(root, fields);
    Map<String, Long> ports = fields.integerMap(root, "ports", "ports");
    Map<String, String> env = fields.textMap(root, "env", "env");
    JsonNode command = fields.object(root, "command", "command");
    String workingDir = fields.text(command, "working_dir", "command.working_dir");
    checkExec(command, fields);
    JsonNode resources = fields.object(root, "resources", "resources");
    JsonNode storage = fields.object(root, "storage", "storage");
    JsonNode grace = fields.object(root, "grace", "grace");
    return new ConfigDraft(
        labels,
        healthChecks,
        ports,
        env,
        workingDir,
        fields.integer(resources, "mem", "resources.mem"),
        fields.number(resources, "cpu", "resources.cpu"),
        fields.integer(resources, "fd", "resources.fd"),
        fields.integerMap(storage, "tmp", "storage.tmp"),
        fields.textMap(storage, "volumes", "storage.volumes"),
        fields.text(grace, "startup", "grace.startup"),
        fields.text(grace, "shutdown", "grace.shutdown"),
        fields.text(root, "restart", "restart"));
  }

  private static Map<String, String> labels(JsonNode root, JsonFields fields) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String key : LABELS) {
      if (JsonFields.member(root, key).isPresent()) {
        labels.put(key, fields.text(root, key, key));
      }
    }
    return labels;
  }

  /**
   * Each health check is kept as its compact JSON text: the supervisor carries them, never runs
   * them.
   */
  private static List<String> healthChecks(JsonNode root, JsonFields fields) {
    Optional<JsonNode> checks = JsonFields.member(root, "health_checks");
    List<String> texts = new ArrayList<>();
    if (checks.isEmpty()) {
      return texts;
    }
    if (!checks.get().isArray()) {
      fields.wrongType("health_checks", "an array", checks.get());
      return texts;
    }
    for (int i = 0; i < checks.get().size(); i++) {
      texts.add(JsonTrees.write(checks.get().get(i)));
    }
    return texts;
  }

  private static void checkExec(JsonNode command, JsonFields fields) {
    Optional<JsonNode> exec = JsonFields.member(command, "exec");
    if (exec.isEmpty()) {
      return;
    }
    if (!exec.get().isArray()) {
      fields.wrongType("command.exec", "an array of strings", exec.get());
      return;
    }
    for (int i = 0; i < exec.get().size(); i++) {
      JsonNode arg = exec.get().get(i);
      if (!arg.isTextual()) {
        fields.wrongType("command.exec[" + i + "]", "a string", arg);
      }
    }
  }
}
