package io.harpoon.supervisor.it.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds an agent.json (SPEC §4). Starts from a small valid config: restart {@code no}, 64 MB, a 10 s start and a 2 s stop
 * grace; each method changes one thing. Values are written as given, so invalid ones can be built too.
 */
public final class AgentConfig {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ObjectNode root = MAPPER.createObjectNode();

  private AgentConfig() {
    root.put("product", "it").put("environment", "test").put("job", "scenario");
    root.putArray("health_checks");
    root.put("artifact_url", "");
    root.putObject("ports");
    root.putObject("env");
    root.putObject("command").put("working_dir", "/").putArray("exec");
    root.putObject("resources").put("mem", 64).put("cpu", 0).put("fd", 4096);
    ObjectNode storage = root.putObject("storage");
    storage.putObject("tmp");
    storage.putObject("volumes");
    // A generous startup grace: the scenarios are not about it, and this machine is shared and noisy.
    root.putObject("grace").put("startup", "10s").put("shutdown", "2s");
    root.put("restart", "no");
  }

  /** The default config described above. */
  public static AgentConfig agent() {
    return new AgentConfig();
  }

  public AgentConfig restart(String policy) {
    root.put("restart", policy);
    return this;
  }

  /** Memory limit in MB. */
  public AgentConfig mem(int megabytes) {
    resources().put("mem", megabytes);
    return this;
  }

  /** CPU quota in CPUs; 0 means none. */
  public AgentConfig cpu(double cpus) {
    resources().put("cpu", cpus);
    return this;
  }

  /** RLIMIT_NOFILE. */
  public AgentConfig fd(int files) {
    resources().put("fd", files);
    return this;
  }

  /** grace.startup, e.g. {@code "1s"}. */
  public AgentConfig graceStartup(String duration) {
    ((ObjectNode) root.get("grace")).put("startup", duration);
    return this;
  }

  public AgentConfig graceShutdown(String duration) {
    ((ObjectNode) root.get("grace")).put("shutdown", duration);
    return this;
  }

  public AgentConfig env(String name, String value) {
    ((ObjectNode) root.get("env")).put(name, value);
    return this;
  }

  public AgentConfig workingDir(String path) {
    ((ObjectNode) root.get("command")).put("working_dir", path);
    return this;
  }

  /** A read-write bind mount of a host directory. */
  public AgentConfig volume(String containerPath, String hostPath) {
    ((ObjectNode) root.get("storage").get("volumes")).put(containerPath, hostPath);
    return this;
  }

  /** A tmpfs of {@code megabytes} (-1: unlimited). */
  public AgentConfig tmp(String containerPath, int megabytes) {
    ((ObjectNode) root.get("storage").get("tmp")).put(containerPath, megabytes);
    return this;
  }

  /** The JSON text. */
  public String toJson() {
    return root.toPrettyString();
  }

  private ObjectNode resources() {
    return (ObjectNode) root.get("resources");
  }
}
