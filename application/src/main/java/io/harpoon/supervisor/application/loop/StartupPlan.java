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
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the supervisor will do once it serves its socket: launch a container, or report why it cannot.
 * A bad config is not fatal (SPEC §4): the supervisor stays up and reports every problem in {@code err}.
 */
public sealed interface StartupPlan {

  /**
   * The least time the runtime gets to create and start the container, whatever grace.startup says:
   * runc needs ~40 ms, but on a loaded host the supervisor's own first start (class loading, native
   * bindings) can take a second, and a start given up is final.
   */
  Duration MIN_STARTUP_GRACE = Duration.ofSeconds(5);

  /** The container this supervisor is for. */
  ContainerId id();

  /** The rules the lifecycle runs under. */
  LifecycleSettings settings();

  /** The lifecycle's state before anything happened: about to start, or failed for good. */
  ContainerState initialState();

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
  }

  /** Do not start anything; {@code problems} is every problem found. */
  record Refuse(ContainerId id, List<String> problems, LifecycleSettings settings)
      implements StartupPlan {
    public Refuse {
      Objects.requireNonNull(id, "id");
      problems = List.copyOf(problems);
      Objects.requireNonNull(settings, "settings");
    }

    /** The problems joined by {@code "; "}, for the state's {@code err}. */
    public String message() {
      return String.join("; ", problems);
    }

    /** Failed from the first moment: the first state any client sees already carries {@code err}. */
    @Override
    public ContainerState initialState() {
      return ContainerState.rejected(settings, message());
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
      LifecycleSettings fallback = new LifecycleSettings(RestartPolicy.NO,
          ConfigValidation.DEFAULT_STARTUP_GRACE, ConfigValidation.DEFAULT_SHUTDOWN_GRACE, request.backoff());
      return new Refuse(request.id(), problems, fallback);
    }
    ContainerConfig config = ((ConfigCheck.Valid) check).config();
    Duration startup = config.grace().startup().compareTo(MIN_STARTUP_GRACE) < 0
        ? MIN_STARTUP_GRACE : config.grace().startup();
    LifecycleSettings settings = new LifecycleSettings(config.restart(), startup,
        config.grace().shutdown(), request.backoff());
    LaunchSpec spec = new LaunchSpec(request.id(), request.hostname(), config, request.runDirectory());
    return new Launch(spec, settings);
  }
}
