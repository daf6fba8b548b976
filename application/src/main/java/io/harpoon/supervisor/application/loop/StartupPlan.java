package io.harpoon.supervisor.application.loop;

import io.harpoon.supervisor.application.port.out.ConfigLoad;
import io.harpoon.supervisor.application.port.out.LaunchSpec;
import io.harpoon.supervisor.domain.container.ConfigCheck;
import io.harpoon.supervisor.domain.container.ConfigValidation;
import io.harpoon.supervisor.domain.container.ContainerConfig;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.lifecycle.ContainerState;
import io.harpoon.supervisor.domain.lifecycle.LifecycleSettings;
import io.harpoon.supervisor.domain.restart.Backoff;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the supervisor will do once it serves its socket: launch a container, or report why it cannot.
 * A bad config is not fatal (SPEC §4): the supervisor stays up and reports every problem in {@code err}.
 */
public sealed interface StartupPlan {

  /** The container this supervisor is for. */
  ContainerId id();

  /** The rules the lifecycle runs under. */
  LifecycleSettings settings();

  /** The lifecycle's state before anything happened: about to start, or failed for good. */
  ContainerState initialState();

  /** What to start, when anything is to be started. */
  Optional<LaunchSpec> launchSpec();

  /** Start the container described by {@code spec}. */
  record Launch(LaunchSpec spec, LifecycleSettings settings) implements StartupPlan {
    public Launch {
      Objects.requireNonNull(spec, "spec");
      Objects.requireNonNull(settings, "settings");
    }

    @Override
    public ContainerId id() {
      return spec.id();
    }

    @Override
    public ContainerState initialState() {
      return ContainerState.initial(settings);
    }

    @Override
    public Optional<LaunchSpec> launchSpec() {
      return Optional.of(spec);
    }
  }

  /** Do not start anything; {@code problems} is every problem found. */
  record Refuse(ContainerId id, List<String> problems, LifecycleSettings settings)
      implements StartupPlan {
    public Refuse {
      Objects.requireNonNull(id, "id");
      problems = List.copyOf(problems);
      Objects.requireNonNull(settings, "settings");
    }

    /** The problems as the state's {@code err} reports them. */
    public String message() {
      return new ConfigCheck.Invalid(problems).message();
    }

    /** Failed from the first moment: the first state any client sees already carries {@code err}. */
    @Override
    public ContainerState initialState() {
      return ContainerState.rejected(settings, message());
    }

    @Override
    public Optional<LaunchSpec> launchSpec() {
      return Optional.empty();
    }
  }

  /** The identity and command line of the container, and the run directory it lives in. */
  record Request(ContainerId id, String hostname, List<String> command, Path runDirectory, Backoff backoff) {
    public Request {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(hostname, "hostname");
      command = List.copyOf(command);
      Objects.requireNonNull(runDirectory, "runDirectory");
      Objects.requireNonNull(backoff, "backoff");
    }
  }

  /** Combines what the config source found with the domain's validation. */
  static StartupPlan of(Request request, ConfigLoad load) {
    ConfigCheck check = ConfigValidation.validate(load.draft(), request.command());
    List<String> problems = new ArrayList<>(load.problems());
    if (check instanceof ConfigCheck.Invalid) {
      problems.addAll(((ConfigCheck.Invalid) check).problems());
    }
    if (!problems.isEmpty()) {
      return new Refuse(request.id(), problems, LifecycleSettings.ofRejectedConfig(request.backoff()));
    }
    ContainerConfig config = ((ConfigCheck.Valid) check).config();
    LifecycleSettings settings = LifecycleSettings.of(config, request.backoff());
    LaunchSpec spec = new LaunchSpec(request.id(), request.hostname(), config, request.runDirectory());
    return new Launch(spec, settings);
  }
}
