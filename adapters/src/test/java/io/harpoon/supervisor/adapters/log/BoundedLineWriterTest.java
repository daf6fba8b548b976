package io.harpoon.supervisor.adapters.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedLineWriterTest {

  private static final Duration BOUND = Duration.ofSeconds(10);

  @Test
  void drainedStream_write_writesEveryLineWholeAndInOrder() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BoundedLineWriter writer = writer(bytes, 8, Duration.ofSeconds(1));

    for (int i = 0; i < 100; i++) {
      writer.write("line " + i);
      if (i % 8 == 7) {
        assertThat(writer.flush(BOUND)).isTrue();
      }
    }
    assertThat(writer.flush(BOUND)).isTrue();

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      expected.add("line " + i);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactlyElementsOf(expected);
  }

  @Test
  void streamNobodyDrains_write_neverBlocksDropsBeyondCapacityAndCountsThem() throws Exception {
    BlockedStream stream = new BlockedStream();
    BoundedLineWriter writer = writer(stream, 4, Duration.ofSeconds(1));
    writer.write("first");
    assertThat(stream.entered.await(10, TimeUnit.SECONDS)).as("writer blocked in write").isTrue();

    long before = System.nanoTime();
    for (int i = 1; i <= 10_000; i++) {
      writer.write("line " + i);
    }
    Duration spent = Duration.ofNanos(System.nanoTime() - before);
    boolean flushedWhileBlocked = writer.flush(Duration.ofMillis(100));
    stream.release.countDown();

    assertThat(spent).as("10 000 lines logged against a blocked stream").isLessThan(BOUND);
    assertThat(flushedWhileBlocked).isFalse();
    assertThat(writer.flush(BOUND)).isTrue();
    assertThat(stream.written().lines()).containsExactly(
        "first", "line 1", "line 2", "line 3", "line 4", "dropped 9996");
    assertThat(writer.dropped()).isZero();
  }

  @Test
  void noLineForTheIdleTime_writerThread_endsAndTheNextLineStartsAnother() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BoundedLineWriter writer = writer(bytes, 4, Duration.ofMillis(20));
    writer.write("one");
    assertThat(writer.flush(BOUND)).isTrue();

    awaitNoWriterThread();
    writer.write("two");

    assertThat(writer.flush(BOUND)).isTrue();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("one\ntwo\n");
  }

  private static BoundedLineWriter writer(OutputStream out, int capacity, Duration idle) {
    return new BoundedLineWriter(out, capacity, idle, count -> "dropped " + count);
  }

  private static void awaitNoWriterThread() throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (writerThreadAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(writerThreadAlive()).as("the log writer thread ended").isFalse();
  }

  private static boolean writerThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("log-writer") && t.isAlive());
  }

  /** A stream whose first write blocks until released, like a pipe nobody reads. */
  private static final class BlockedStream extends OutputStream {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      synchronized (bytes) {
        bytes.write(b, off, len);
      }
    }

    String written() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
