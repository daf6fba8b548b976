package io.harpoon.supervisor.bootstrap;

import io.harpoon.supervisor.adapters.json.JsonTrees;
import io.harpoon.supervisor.adapters.json.StateJson;
import io.harpoon.supervisor.adapters.log.StderrSupervisorLog;
import io.harpoon.supervisor.adapters.posix.NativeProcesses;
import io.harpoon.supervisor.application.loop.RunningHook;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import io.harpoon.supervisor.domain.lifecycle.ContainerState;
import io.harpoon.supervisor.domain.lifecycle.Effect;
import io.harpoon.supervisor.domain.lifecycle.Event;
import io.harpoon.supervisor.domain.lifecycle.Lifecycle;
import io.harpoon.supervisor.domain.lifecycle.LifecycleSettings;
import io.harpoon.supervisor.domain.lifecycle.Transition;
import io.harpoon.supervisor.domain.restart.Backoff;
import io.harpoon.supervisor.domain.restart.RestartPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The start-up speed devices, all of them, in one place (docs/architecture.md, "The start-up path"). None
 * is needed for the supervisor to be correct; each moves first-use costs off the path from exec to the
 * container's first {@code up:true}, or from a kill to the down state. Work that does not depend on the
 * command line or the config runs on the second core while the main thread parses the config and builds
 * the object graph (docs/benchmarks.md):
 *
 * <ul>
 *   <li>first, loading jnr's native bindings (and becoming subreaper), the longest chain: the first
 *       {@code runc create} waits for it;
 *   <li>once Guice has built the injector, a rehearsal of the way up: the first state's JSON, the
 *       domain's first transitions (began, surveyed, spawned), a log line, an indented JSON tree as the
 *       OCI bundle is written, and the secure random numbers behind the bundle's temporary file. Each
 *       runs code for the first time, which the JVM pays for in class initialization, call-site linking
 *       and interpretation; without the rehearsal the start pays it (≈ 55 ms) between {@code starting
 *       container} and {@code container started}. Started any earlier, it would take the second core
 *       from the native bindings, and the first spawn would wait for those instead;
 *   <li>once the container runs, the application's {@link RunningHook}: the way down rehearsed on the
 *       idle runtime worker ({@link ExitRehearsal}), so the first kill's path is warm.
 * </ul>
 *
 * <p>Outside the code, the launcher's class data (an AOT cache or AppCDS, trained by {@link CdsTraining})
 * and its JVM flags are the other devices; docs/architecture.md lists them all.
 *
 * <p>The rehearsal carries nothing out: pure domain calls, and output into the void. A failure in it
 * only costs the start its head start.
 */
final class StartPath {

  private static final ContainerId REHEARSAL = new ContainerId("start-rehearsal");

  private StartPath() {}

  /** Loads jnr's native bindings on a thread of their own. Call first. */
  static void warmUpInBackground() {
    NativeProcesses.preload();
  }

  /** The hook the supervisor loop calls once a container's process is taken on. */
  static RunningHook runningHook() {
    return ExitRehearsal::rehearse;
  }

  /** Rehearses the way up on a thread of its own. Call once the injector is built. */
  static void rehearseInBackground() {
    Thread rehearsal = new Thread(StartPath::rehearseTheWayUp, "start-rehearsal");
    rehearsal.setDaemon(true);
    rehearsal.start();
  }

  private static void rehearseTheWayUp() {
    try {
      StateJson.encode(new ContainerProcessState(false, true, "", ExitStatus.NONE, 0, 0, Metrics.ZERO));
      Instant at = Instant.now();
      LifecycleSettings settings = new LifecycleSettings(RestartPolicy.ON_FAILURE, Duration.ofSeconds(30),
          Duration.ofSeconds(10), Backoff.DEFAULT);
      Transition began = Lifecycle.next(ContainerState.initial(settings), new Event.Began(at));
      Transition starting = Lifecycle.next(began.state(),
          new Event.Surveyed(new Event.Found.Nothing(), java.util.Optional.empty(), at));
      Transition up = Lifecycle.next(starting.state(), new Event.Spawned(2, 0, at));
      for (Effect effect : up.effects()) {
        if (effect instanceof Effect.Publish publish) {
          StateJson.encode(publish.state());
        }
      }
      PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
      new StderrSupervisorLog(REHEARSAL, Clock.systemUTC(), nowhere).info("starting container");
      JsonTrees.writePretty(JsonTrees.read("{\"ociVersion\":\"1.0.2\",\"process\":{\"args\":[\"sh\"]}}"),
          OutputStream.nullOutputStream());
      new SecureRandom().nextLong();
    } catch (IOException | RuntimeException e) {
      // Only a head start is lost: the start runs the same code itself.
    }
  }
}
