package io.harpoon.supervisor.domain.container;

import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Validates a decoded agent.json plus the command line's process arguments. Reports every problem, not
 * only the first, so an operator fixes a config in one round. Defaults: working directory {@code /},
 * 4096 open files, no memory limit, no CPU quota, startup grace 30 s, shutdown grace 10 s, restart
 * {@code no}.
 */
public final class ConfigValidation {

  /** Open files when agent.json gives none. */
  public static final long DEFAULT_FILE_DESCRIPTORS = 4096;
  /** Upper bound of {@code resources.fd}: the kernel's default {@code fs.nr_open}. */
  public static final long MAX_FILE_DESCRIPTORS = 1 << 20;
  /** How long the runtime may take to start the container when agent.json gives no startup grace. */
  public static final Duration DEFAULT_STARTUP_GRACE = Duration.ofSeconds(30);
  /** How long a stopped container may take to exit before it is killed (SPEC §6). */
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
  /** Upper bound of both grace periods. */
  public static final Duration MAX_GRACE = Duration.ofHours(1);

  private static final long MAX_MEMORY_MB = Long.MAX_VALUE / (1024 * 1024);
  private static final double MAX_CPUS = 4096;
  private static final long MAX_TMP_MB = 1L << 30;
  private static final int MAX_SHOWN = 80;

  private ConfigValidation() {}

  /** Checks {@code draft} and the process arguments {@code argv} together. */
  public static ConfigCheck validate(ConfigDraft draft, List<String> argv) {
    List<String> problems = new ArrayList<>();
    Optional<RestartPolicy> restart = restart(draft.restart(), problems);
    Duration startup = grace("grace.startup", draft.startupGrace(), DEFAULT_STARTUP_GRACE, true, problems);
    Duration shutdown =
        grace("grace.shutdown", draft.shutdownGrace(), DEFAULT_SHUTDOWN_GRACE, false, problems);
    String workingDir = draft.workingDir().isEmpty() ? "/" : draft.workingDir();
    PathRules.absoluteProblem(workingDir).ifPresent(p -> problems.add("command.working_dir " + p));
    checkCommand(argv, problems);
    checkResources(draft, problems);
    checkEnv(draft.env(), problems);
    checkPorts(draft.ports(), problems);
    checkStorage(draft.tmpSizesMb(), draft.volumes(), problems);
    if (!problems.isEmpty()) {
      return new ConfigCheck.Invalid(problems);
    }
    return new ConfigCheck.Valid(build(draft, argv, workingDir, restart.orElseThrow(), startup, shutdown));
  }

  private static ContainerConfig build(
      ConfigDraft draft,
      List<String> argv,
      String workingDir,
      RestartPolicy restart,
      Duration startup,
      Duration shutdown) {
    Map<String, String> labels = draft.labels();
    long fd = draft.fileDescriptors() == 0 ? DEFAULT_FILE_DESCRIPTORS : draft.fileDescriptors();
    Map<String, Integer> ports = new TreeMap<>();
    draft.ports().forEach((name, port) -> ports.put(name, port.intValue()));
    return new ContainerConfig(
        new ContainerConfig.Labels(
            labels.getOrDefault("product", ""),
            labels.getOrDefault("environment", ""),
            labels.getOrDefault("job", ""),
            labels.getOrDefault("artifact_url", ""),
            draft.healthChecks()),
        ports,
        draft.env(),
        new ContainerConfig.Command(workingDir, argv),
        new ContainerConfig.Resources(draft.memoryMb(), draft.cpus(), fd),
        normalizedStorage(draft.tmpSizesMb(), draft.volumes()),
        new ContainerConfig.Grace(startup, shutdown),
        restart);
  }

  private static Optional<RestartPolicy> restart(String name, List<String> problems) {
    Optional<RestartPolicy> policy = RestartPolicy.parse(name.isEmpty() ? "no" : name);
    if (policy.isEmpty()) {
      problems.add("restart: " + quote(name) + " is not one of no, on-failure, always");
    }
    return policy;
  }

  private static Duration grace(
      String key, String text, Duration fallback, boolean positive, List<String> problems) {
    if (text.isEmpty()) {
      return fallback;
    }
    Optional<Duration> parsed = DurationText.parse(text);
    if (parsed.isEmpty()) {
      problems.add(key + ": " + quote(text) + " is not a duration such as 250ms, 5s or 1m30s");
      return fallback;
    }
    Duration value = parsed.get();
    if (positive && value.isZero()) {
      problems.add(key + ": must be greater than 0");
    } else if (value.compareTo(MAX_GRACE) > 0) {
      problems.add(key + ": " + text + " is longer than the maximum of 1h");
    }
    return value;
  }

  private static void checkCommand(List<String> argv, List<String> problems) {
    if (argv.isEmpty() || argv.get(0).isEmpty()) {
      problems.add("command: no program to run");
    }
    if (argv.stream().anyMatch(arg -> arg.indexOf('\0') >= 0)) {
      problems.add("command: an argument contains a NUL character");
    }
  }

  private static void checkResources(ConfigDraft draft, List<String> problems) {
    if (draft.memoryMb() < 0 || draft.memoryMb() > MAX_MEMORY_MB) {
      problems.add("resources.mem: " + draft.memoryMb() + " is not a size in MB (0 = no limit)");
    }
    if (!(draft.cpus() >= 0 && draft.cpus() <= MAX_CPUS)) {
      problems.add("resources.cpu: " + draft.cpus() + " is not a number of CPUs between 0 and 4096");
    }
    long fd = draft.fileDescriptors();
    if (fd < 0 || fd > MAX_FILE_DESCRIPTORS) {
      problems.add("resources.fd: " + fd + " is not between 1 and " + MAX_FILE_DESCRIPTORS);
    }
  }

  private static void checkEnv(Map<String, String> env, List<String> problems) {
    new TreeMap<>(env)
        .forEach(
            (name, value) -> {
              if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
                problems.add("env: " + quote(name) + " is not a valid variable name");
              } else if (value.indexOf('\0') >= 0) {
                problems.add("env: the value of " + quote(name) + " contains a NUL character");
              }
            });
  }

  private static void checkPorts(Map<String, Long> ports, List<String> problems) {
    new TreeMap<>(ports)
        .forEach(
            (name, port) -> {
              if (port < 0 || port > 65535) {
                problems.add("ports." + shorten(name) + ": " + port + " is not a port number");
              }
            });
  }

  /**
   * Mount targets are compared as the runtime will mount them, normalized ({@code /data/} is {@code
   * /data}); two entries for one target are an error, not a silent choice. Volume sources must not contain
   * one another: the container could then replace a directory on the inner source's path (through the
   * outer volume) by a symlink, and the next start would bind whatever it points to.
   */
  private static void checkStorage(
      Map<String, Long> tmp, Map<String, String> volumes, List<String> problems) {
    Map<String, String> targets = new TreeMap<>();
    new TreeMap<>(tmp)
        .forEach(
            (path, size) -> {
              String problem = PathRules.mountTargetProblem(path).orElse(null);
              if (problem != null) {
                problems.add("storage.tmp " + quote(path) + " " + problem);
              } else {
                claimTarget(targets, path, "storage.tmp " + quote(path), problems);
              }
              if (size == 0 || size < -1 || size > MAX_TMP_MB) {
                problems.add("storage.tmp " + quote(path) + ": size " + size + " is not a size in MB (-1 = no limit)");
              }
            });
    Map<String, String> sources = new TreeMap<>();
    new TreeMap<>(volumes)
        .forEach(
            (path, host) -> {
              String name = "storage.volumes " + quote(path);
              String problem = PathRules.mountTargetProblem(path).orElse(null);
              if (problem != null) {
                problems.add(name + " " + problem);
              } else {
                claimTarget(targets, path, name, problems);
              }
              PathRules.absoluteProblem(host).ifPresentOrElse(
                  p -> problems.add(name + ": host path " + p),
                  () -> sources.put(PathRules.normalize(host), name));
            });
    sources.forEach((outer, outerName) -> sources.forEach((inner, innerName) -> {
      if (PathRules.contains(outer, inner)) {
        problems.add(innerName + ": host path " + quote(inner) + " is inside the host path of " + outerName
            + " (volume sources must not contain one another)");
      }
    }));
  }

  private static void claimTarget(Map<String, String> targets, String path, String name, List<String> problems) {
    String target = PathRules.normalize(path);
    String earlier = targets.putIfAbsent(target, name);
    if (earlier != null) {
      problems.add(name + " and " + earlier + " are the same mount target " + quote(target));
    }
  }

  /** The storage with every path in its one spelling, as the runtime mounts it. */
  private static ContainerConfig.Storage normalizedStorage(Map<String, Long> tmp, Map<String, String> volumes) {
    Map<String, Long> tmpByTarget = new TreeMap<>();
    tmp.forEach((path, size) -> tmpByTarget.put(PathRules.normalize(path), size));
    Map<String, String> volumesByTarget = new TreeMap<>();
    volumes.forEach((path, host) -> volumesByTarget.put(PathRules.normalize(path), PathRules.normalize(host)));
    return new ContainerConfig.Storage(tmpByTarget, volumesByTarget);
  }

  /** A value as quoted in a problem: in quotes, cut to a readable length (err must stay small). */
  private static String quote(String value) {
    return "'" + shorten(value) + "'";
  }

  /** At most {@value #MAX_SHOWN} characters of a value an operator wrote, then an ellipsis. */
  static String shorten(String value) {
    if (value.length() <= MAX_SHOWN) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(MAX_SHOWN - 1)) ? MAX_SHOWN - 1 : MAX_SHOWN;
    return value.substring(0, end) + "…";
  }
}
