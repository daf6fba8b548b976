package io.harpoon.supervisor.bootstrap.ctl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harpoon.supervisor.adapters.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code ls DIR...}: the host view, like {@code docker ps}. Every supervisor is asked at once, each
 * within {@code --timeout} (2 s by default), so one stuck supervisor costs the listing at most that
 * long; one that cannot be reached is listed as such and its reason written to stderr. Exits with
 * the highest code of its rows: 0 when every container is up.
 */
final class LsCommand {

  /** Connections open at once; more directories wait for a free one. */
  private static final int MAX_PARALLEL = 32;
  /** Beyond its own deadline, how long a query may take to give up (a connect that blocks). */
  private static final Duration SLACK = Duration.ofMillis(500);

  private LsCommand() {}

  static ExitCode run(CtlOptions options, Console console) {
    List<LsRow> rows = query(options.directories(), options.timeout());
    if (options.json()) {
      rows.forEach(row -> console.result(JsonOut.text(json(row))));
    } else {
      console.text(LsTable.of(rows, console.clock().instant()));
    }
    ExitCode worst = ExitCode.OK;
    for (LsRow row : rows) {
      if (row instanceof LsRow.Unreachable) {
        console.problem(Printable.text(row.directory().toString()) + ": "
            + ((LsRow.Unreachable) row).problem().getMessage());
      }
      worst = row.exitCode().code() > worst.code() ? row.exitCode() : worst;
    }
    return worst;
  }

  private static List<LsRow> query(List<Path> directories, Duration timeout) {
    ExecutorService pool = Executors.newFixedThreadPool(
        Math.min(directories.size(), MAX_PARALLEL), task -> {
          Thread thread = new Thread(task, "harpoonctl-ls");
          thread.setDaemon(true);
          return thread;
        });
    try {
      List<Future<Snapshot>> answers = new ArrayList<>();
      for (Path directory : directories) {
        answers.add(pool.submit(() ->
            StatusQuery.ask(CtlOptions.socketOf(directory), Deadline.after(timeout))));
      }
      List<LsRow> rows = new ArrayList<>();
      // Past MAX_PARALLEL directories a query waits for a free thread: one more timeout per batch.
      long waitUntil = System.nanoTime() + timeout.plus(SLACK).toNanos()
          * ((directories.size() + MAX_PARALLEL - 1) / MAX_PARALLEL);
      for (int i = 0; i < directories.size(); i++) {
        rows.add(row(directories.get(i), answers.get(i), waitUntil, timeout));
      }
      return rows;
    } finally {
      pool.shutdownNow();
    }
  }

  private static LsRow row(Path directory, Future<Snapshot> answer, long waitUntil, Duration timeout) {
    try {
      long left = Math.max(1, waitUntil - System.nanoTime());
      return new LsRow.Answered(directory, answer.get(left, TimeUnit.NANOSECONDS));
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause();
      CtlException problem = cause instanceof CtlException ? (CtlException) cause
          : new CtlException(ExitCode.UNREACHABLE, "cannot ask: " + cause);
      return new LsRow.Unreachable(directory, problem);
    } catch (TimeoutException slow) {
      return new LsRow.Unreachable(directory, new CtlException(ExitCode.TIMEOUT,
          "no answer within " + Deadline.after(timeout).describe()));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return new LsRow.Unreachable(directory, new CtlException(ExitCode.TIMEOUT, "interrupted"));
    }
  }

  private static ObjectNode json(LsRow row) {
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("dir", row.directory().toString());
    if (row instanceof LsRow.Answered) {
      out.setAll(JsonOut.snapshot(((LsRow.Answered) row).snapshot()));
    } else {
      out.put("error", ((LsRow.Unreachable) row).problem().getMessage());
      out.put("exit_code", row.exitCode().code());
    }
    return out;
  }
}
