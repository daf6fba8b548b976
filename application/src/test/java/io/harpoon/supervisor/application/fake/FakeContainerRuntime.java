package io.harpoon.supervisor.application.fake;

import io.harpoon.supervisor.application.port.out.ContainerRuntime;
import io.harpoon.supervisor.application.port.out.LaunchSpec;
import io.harpoon.supervisor.application.port.out.RuntimeFailure;
import io.harpoon.supervisor.domain.container.ContainerId;
import io.harpoon.supervisor.domain.container.Signal;
import io.harpoon.supervisor.domain.container.WaitStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A runtime whose processes live in memory. A process ends when the test calls {@link #exit}, or — if
 * told to — when it is signalled. Failures are queued by the test. Every call is recorded.
 */
public final class FakeContainerRuntime implements ContainerRuntime {

  /** One call to the runtime, for assertions: e.g. {@code "create c1"}, {@code "signal 100 TERM"}. */
  private final List<String> calls = new ArrayList<>();
  private final Map<Integer, Consumer<WaitStatus>> listeners = new HashMap<>();
  private final Map<Integer, WaitStatus> ended = new HashMap<>();
  private final List<Integer> live = new ArrayList<>();
  private String failCreate;
  private String failStart;
  private boolean diesOnSignal;
  private Optional<Leftover> leftover = Optional.empty();
  private final Map<ContainerId, Leftover> containers = new HashMap<>();
  private int nextPid = 100;

  @Override
  public synchronized int create(LaunchSpec spec) throws RuntimeFailure {
    calls.add("create " + spec.id());
    if (failCreate != null) {
      String reason = failCreate;
      failCreate = null;
      throw new RuntimeFailure(reason);
    }
    int pid = nextPid++;
    live.add(pid);
    containers.put(spec.id(), new Leftover(spec.id(), pid, spec.runDirectory()));
    return pid;
  }

  @Override
  public synchronized void start(ContainerId id) throws RuntimeFailure {
    calls.add("start " + id);
    if (failStart != null) {
      String reason = failStart;
      failStart = null;
      throw new RuntimeFailure(reason);
    }
  }

  @Override
  public void onExit(int pid, Consumer<WaitStatus> listener) {
    WaitStatus status;
    synchronized (this) {
      status = ended.get(pid);
      if (status == null) {
        listeners.put(pid, listener);
        return;
      }
    }
    listener.accept(status);
  }

  @Override
  public void signal(int pid, Signal signal) {
    boolean dies;
    synchronized (this) {
      calls.add("signal " + pid + " " + signal);
      dies = diesOnSignal && live.contains(pid);
    }
    if (dies) {
      exit(pid, new WaitStatus.Signaled(signal.number()));
    }
  }

  @Override
  public synchronized void abandonStart() {
    calls.add("abandon");
  }

  @Override
  public synchronized void release(ContainerId id) {
    calls.add("release " + id);
    leftover = Optional.empty();
    containers.remove(id);
  }

  @Override
  public synchronized Optional<Leftover> leftover(ContainerId id) {
    calls.add("leftover " + id);
    if (leftover.isPresent()) {
      return leftover;
    }
    // As runc: a container it created is known until released; its pid only while the process lives.
    return Optional.ofNullable(containers.get(id))
        .map(known -> live.contains(known.pid()) ? known : new Leftover(id, 0, known.bundle()));
  }

  /** Ends process {@code pid} with {@code status}, telling its listener (now or when it registers). */
  public void exit(int pid, WaitStatus status) {
    Consumer<WaitStatus> listener;
    synchronized (this) {
      live.remove(Integer.valueOf(pid));
      // As the reaper keeps recent statuses: a listener registered after the end learns it too.
      ended.put(pid, status);
      listener = listeners.remove(pid);
      if (listener == null) {
        return;
      }
    }
    listener.accept(status);
  }

  public synchronized void failNextCreate(String reason) {
    failCreate = reason;
  }

  public synchronized void failNextStart(String reason) {
    failStart = reason;
  }

  /** Makes signalled processes end at once with the signal. */
  public synchronized void dieOnSignal() {
    diesOnSignal = true;
  }

  public synchronized void leaveContainer(Leftover left) {
    leftover = Optional.of(left);
  }

  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** Processes created and not yet ended. */
  public synchronized List<Integer> live() {
    return List.copyOf(live);
  }
}
