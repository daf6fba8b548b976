package io.harpoon.supervisor.application.fake;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** An executor that runs its tasks, in order, only when the test says so. */
public final class DeferredExecutor implements Executor {

  private final Queue<Runnable> tasks = new ArrayDeque<>();

  @Override
  public synchronized void execute(Runnable task) {
    tasks.add(task);
  }

  /** Runs every task queued so far, and those they queue. */
  public void runAll() {
    Runnable task;
    while ((task = next()) != null) {
      task.run();
    }
  }

  public synchronized int pending() {
    return tasks.size();
  }

  private synchronized Runnable next() {
    return tasks.poll();
  }
}
