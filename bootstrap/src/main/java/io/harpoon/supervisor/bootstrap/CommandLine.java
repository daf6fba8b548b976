package io.harpoon.supervisor.bootstrap;

import io.harpoon.supervisor.adapters.runtime.RuntimePolicy;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.restart.Backoff;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The supervisor's command line, parsed and checked.
 *
 * @param hostname the container's hostname
 * @param id the container's id
 * @param command what to run inside the container
 * @param runtime the OCI runtime binary (runc or crun)
 * @param runtimeRoot the runtime's state directory, when not its default
 * @param backoff restart delays
 * @param maxClients how many control clients may be connected at once
 * @param policy what every container gets beyond agent.json (its pids limit)
 * @param logFormat how the supervisor's own log lines are spelled: {@code text} or {@code json}
 */
public record CommandLine(
    String hostname,
    ContainerId id,
    List<String> command,
    String runtime,
    Optional<String> runtimeRoot,
    Backoff backoff,
    int maxClients,
    RuntimePolicy policy,
    String logFormat) {

  public CommandLine {
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(id, "id");
    command = List.copyOf(command);
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(runtimeRoot, "runtimeRoot");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(logFormat, "logFormat");
  }
}
