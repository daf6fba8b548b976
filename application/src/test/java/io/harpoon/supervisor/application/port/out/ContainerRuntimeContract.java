package io.harpoon.supervisor.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.Signal;
import io.harpoon.supervisor.domain.container.WaitStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ContainerRuntime} does, the fake the loop's tests use as much as runc and crun: a
 * container created and started is known to the runtime with its init pid and its run directory, a
 * signal ends it with a real wait status reported once, and a released container is gone. Extend it
 * with a subject and a launch spec of a command that runs until it is killed; a subject that cannot run
 * here (no root, no runtime) is skipped by its own {@code @BeforeEach}.
 */
public abstract class ContainerRuntimeContract {

  /** How long a real runtime may take to create, start or end a container on a loaded host. */
  protected static final Duration PATIENCE = Duration.ofSeconds(20);

  /** The implementation under test. */
  protected abstract ContainerRuntime subject();

  /** A container, new to the runtime, whose command runs until it is killed. */
  protected abstract LaunchSpec longRunning();

  private ContainerId created;

  @AfterEach
  void releaseWhatWasCreated() {
    if (created != null) {
      subject().release(created);
    }
  }

  @Test
  void createdAndStarted_leftover_isItsInitPidInItsRunDirectory() throws Exception {
    LaunchSpec spec = longRunning();
    int pid = createAndStart(spec);

    assertThat(pid).isGreaterThan(1);
    ContainerRuntime.Leftover known = subject().leftover(spec.id()).orElseThrow();
    assertThat(known.pid()).isEqualTo(pid);
    assertThat(known.bundle().toAbsolutePath().normalize())
        .isEqualTo(spec.runDirectory().toAbsolutePath().normalize());
  }

  @Test
  void running_killed_reportsSignaled9ExactlyOnce() throws Exception {
    int pid = createAndStart(longRunning());
    List<WaitStatus> reported = new CopyOnWriteArrayList<>();
    CompletableFuture<WaitStatus> exit = new CompletableFuture<>();
    subject().onExit(pid, status -> {
      reported.add(status);
      exit.complete(status);
    });

    subject().signal(pid, Signal.KILL);

    assertThat(exit.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(new WaitStatus.Signaled(9));
    CompletableFuture<WaitStatus> late = new CompletableFuture<>();
    subject().onExit(pid, late::complete);
    assertThat(late.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).as("a listener after the end learns it too")
        .isEqualTo(new WaitStatus.Signaled(9));
    assertThat(reported).as("the first listener, once").containsExactly(new WaitStatus.Signaled(9));
  }

  @Test
  void ended_signalAgain_isNoError() throws Exception {
    int pid = createAndStart(longRunning());
    CompletableFuture<WaitStatus> exit = new CompletableFuture<>();
    subject().onExit(pid, exit::complete);
    subject().signal(pid, Signal.KILL);
    exit.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);

    assertThatCode(() -> subject().signal(pid, Signal.TERM)).doesNotThrowAnyException();
  }

  @Test
  void endedAndReleased_leftover_isEmpty() throws Exception {
    LaunchSpec spec = longRunning();
    int pid = createAndStart(spec);
    CompletableFuture<WaitStatus> exit = new CompletableFuture<>();
    subject().onExit(pid, exit::complete);
    subject().signal(pid, Signal.KILL);
    exit.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);

    subject().release(spec.id());

    assertThat(subject().leftover(spec.id())).isEmpty();
  }

  @Test
  void unknownContainer_leftoverAndRelease_areEmptyAndNoError() {
    ContainerId unknown = new ContainerId("never-created-" + System.identityHashCode(this));

    assertThat(subject().leftover(unknown)).isEmpty();
    assertThatCode(() -> subject().release(unknown)).doesNotThrowAnyException();
  }

  private int createAndStart(LaunchSpec spec) throws RuntimeFailure {
    created = spec.id();
    int pid = subject().create(spec);
    subject().start(spec.id());
    return pid;
  }
}
