package io.harpoon.supervisor.adapters.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.adapters.Fuzzing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Feeds the SSE decoder {@link Fuzzing#iterations()} hostile inputs ({@link SseFuzzInputs}) and
 * checks, for each: it never throws; it yields exactly what the line-by-line oracle {@link
 * SseReference} yields (events, then the failure if a cap was exceeded), whether fed whole, in
 * random chunks or byte by byte; the bytes it holds never exceed {@code maxLine + maxEvent + 1}
 * after any chunk; once failed it stays failed and silent. A hang fails the batch through the
 * timeout in {@link Fuzzing}.
 *
 * <p>Default: 100 000 inputs (a few seconds). Nightly: {@code mvn -B test -pl adapters
 * -Dtest=SseDecoderFuzzTest -Dharpoon.fuzz.iterations=10000000}; replay a failure with {@code
 * -Dharpoon.fuzz.seed=SEED} from its message.
 */
class SseDecoderFuzzTest {

  private static final byte[] MORE = "event: stop\n\n".getBytes(StandardCharsets.US_ASCII);

  @Test
  void hostileInput_anyChunking_matchesOracle_staysWithinCaps() {
    Fuzzing.Report report = Fuzzing.run("SseDecoder", SseDecoderFuzzTest::check);

    assertThat(report.inputs()).isEqualTo(Fuzzing.iterations());
  }

  private static void check(SplittableRandom random) {
    SseFuzzInputs.Input input = SseFuzzInputs.next(random);
    List<Object> expected = SseReference.decode(input.bytes(), input.maxLine(), input.maxEvent());
    assertThat(fedWhole(input)).as("fed whole").isEqualTo(expected);
    assertThat(fedInChunks(input, cuts(random, input.bytes().length)))
        .as("fed in chunks")
        .isEqualTo(expected);
    if (random.nextInt(16) == 0 && input.bytes().length <= 4096) {
      assertThat(fedInChunks(input, everyByte(input.bytes().length)))
          .as("byte by byte")
          .isEqualTo(expected);
    }
    for (Object out : expected) {
      if (out instanceof SseEvent) {
        SseEvent event = (SseEvent) out;
        if (!event.type().equals(SseEvent.DEFAULT_TYPE)) {
          assertThat(event.type().length()).isLessThanOrEqualTo(input.maxLine());
        }
        assertThat(event.data().length()).isLessThanOrEqualTo(input.maxEvent());
      }
    }
  }

  private static List<Object> fedWhole(SseFuzzInputs.Input input) {
    return fedInChunks(input, new int[0]);
  }

  /** Feeds the input cut at {@code cuts}, checking the held bytes after every feed. */
  private static List<Object> fedInChunks(SseFuzzInputs.Input input, int[] cuts) {
    SseDecoder decoder = new SseDecoder(input.maxLine(), input.maxEvent());
    List<Object> out = new ArrayList<>();
    byte[] bytes = input.bytes();
    int from = 0;
    for (int i = 0; i <= cuts.length; i++) {
      int to = i < cuts.length ? cuts[i] : bytes.length;
      boolean ok = decoder.feed(ByteBuffer.wrap(bytes, from, to - from), out::add);
      assertThat(ok).isEqualTo(!decoder.failed());
      assertThat(decoder.bufferedBytes())
          .as("bytes held after %d of %d", to, bytes.length)
          .isLessThanOrEqualTo(input.maxLine() + input.maxEvent() + 1);
      from = to;
    }
    if (decoder.failed()) {
      out.add(decoder.failure());
      int events = out.size();
      assertThat(decoder.feed(ByteBuffer.wrap(MORE), out::add)).isFalse();
      assertThat(out).hasSize(events);
    }
    return out;
  }

  private static int[] cuts(SplittableRandom random, int length) {
    return random.ints(random.nextInt(16), 0, length + 1).sorted().toArray();
  }

  private static int[] everyByte(int length) {
    int[] cuts = new int[length];
    for (int i = 0; i < length; i++) {
      cuts[i] = i;
    }
    return cuts;
  }
}
