package io.harpoon.supervisor.adapters.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Writes lines to a stream on a thread of its own, so that the threads that log (the supervisor's
 * loop, its control socket, the reaper) never wait for the stream: a stderr that nobody drains
 * blocks only this writer. At most {@code capacity} lines wait; a line beyond that is dropped and
 * counted, and once the writer has caught up it writes the count as a line of its own, so a reader
 * sees that and how much is missing. Lines are written whole, one {@code write(2)} each, in order.
 *
 * <p>The thread is started by the first line and ends after {@code idle} without one: a supervisor
 * whose container runs quietly for days has no log thread.
 */
final class BoundedLineWriter {

  private final OutputStream out;
  private final ArrayBlockingQueue<String> queue;
  private final Duration idle;
  private final LongFunction<String> droppedLine;
  private final AtomicLong dropped = new AtomicLong();
  private Thread thread;
  private long accepted;
  private long done;

  /**
   * @param droppedLine the line that reports {@code n} dropped lines
   */
  BoundedLineWriter(
      OutputStream out, int capacity, Duration idle, LongFunction<String> droppedLine) {
    this.out = out;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.idle = idle;
    this.droppedLine = droppedLine;
  }

  /** Queues {@code line} (without its line end) and returns at once; drops it when full. */
  void write(String line) {
    synchronized (this) {
      if (!queue.offer(line)) {
        dropped.incrementAndGet();
        return;
      }
      accepted++;
      if (thread == null) {
        thread = new Thread(this::run, "log-writer");
        thread.setDaemon(true);
        thread.start();
      }
    }
  }

  /** How many lines were dropped and not yet reported. */
  long dropped() {
    return dropped.get();
  }

  /**
   * Waits until every line queued so far is written, at most {@code timeout}; false when the stream
   * is still not drained by then (the lines stay queued).
   */
  synchronized boolean flush(Duration timeout) throws InterruptedException {
    long target = accepted;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (done < target) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  private void run() {
    try {
      for (String line = next(); line != null; line = next()) {
        emit(line);
        if (queue.isEmpty()) {
          reportDropped();
        }
        written();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The next line, or null (and the thread ends) after {@code idle} without one. */
  private String next() throws InterruptedException {
    String line = queue.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
    synchronized (this) {
      if (line == null && queue.isEmpty()) {
        thread = null;
        return null;
      }
    }
    return line == null ? queue.poll() : line;
  }

  private synchronized void written() {
    done++;
    notifyAll();
  }

  private void reportDropped() {
    long count = dropped.getAndSet(0);
    if (count > 0) {
      emit(droppedLine.apply(count));
    }
  }

  private void emit(String line) {
    try {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // stderr is gone (EPIPE, closed): there is nowhere left to report it.
    }
  }
}
