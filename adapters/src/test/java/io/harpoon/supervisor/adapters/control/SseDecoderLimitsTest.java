package io.harpoon.supervisor.adapters.control;

import static io.harpoon.supervisor.adapters.control.SseDecoderTest.decode;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SseDecoderLimitsTest {

  private static final String SAMPLE =
      "\uFEFF: hi\r\nevent: stop\r\n\r\nevent: kill\ndata\n\nevent:exit\rdata: a\rdata: é\r\r"
          + "data: x\n\n";

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void lineAtCap_accepted_oneMoreByte_fails() {
    assertThat(decode(new SseDecoder(12, 100), bytes("event: stop\n\n")))
        .containsExactly(new SseEvent("stop", ""));
    assertThat(decode(new SseDecoder(10, 100), bytes("event: stop\n\n")))
        .containsExactly("line too long");
  }

  @Test
  void eventOverCap_fails_evenWhenEachLineIsShort() {
    String trickle = "data: 0123456789\n".repeat(10);
    assertThat(decode(new SseDecoder(64, 100), bytes(trickle))).containsExactly("event too large");
    assertThat(decode(new SseDecoder(64, 200), bytes(trickle + "\n"))).hasSize(1);
  }

  @Test
  void eventsBeforeFailure_delivered_nothingAfter() {
    SseDecoder decoder = new SseDecoder(16, 100);
    List<Object> out = decode(decoder, bytes("event: stop\n\n" + "x".repeat(40) + "\nevent: kill\n\n"));
    assertThat(out).containsExactly(new SseEvent("stop", ""), "line too long");
    List<SseEvent> later = new ArrayList<>();
    assertThat(decoder.feed(ByteBuffer.wrap(bytes("event: kill\n\n")), later::add)).isFalse();
    assertThat(later).isEmpty();
  }

  @Test
  void commentsAndBlankLines_neverCountTowardsTheEventCap() {
    String keepalives = ": ping\n".repeat(1000) + "event: stop\n\n";
    assertThat(decode(new SseDecoder(64, 32), bytes(keepalives)))
        .containsExactly(new SseEvent("stop", ""));
  }

  @Test
  void sample_splitAtEveryPosition_sameEvents() {
    byte[] sample = bytes(SAMPLE);
    List<Object> whole = decode(new SseDecoder(), sample);
    assertThat(whole)
        .containsExactly(
            new SseEvent("stop", ""), new SseEvent("kill", ""), new SseEvent("exit", "a\né"),
            new SseEvent("message", "x"));
    for (int cut = 0; cut <= sample.length; cut++) {
      assertThat(decode(new SseDecoder(), sample, cut)).as("cut at %d", cut).isEqualTo(whole);
      for (int second = cut; second <= sample.length; second++) {
        assertThat(decode(new SseDecoder(), sample, cut, second))
            .as("cuts at %d and %d", cut, second)
            .isEqualTo(whole);
      }
    }
  }

  @Test
  void sample_byteByByte_sameEvents() {
    byte[] sample = bytes(SAMPLE);
    int[] everyByte = new int[sample.length];
    for (int i = 0; i < sample.length; i++) {
      everyByte[i] = i;
    }
    assertThat(decode(new SseDecoder(), sample, everyByte)).isEqualTo(decode(new SseDecoder(), sample));
  }

  @Test
  void randomBytes_randomChunks_neverThrow_andChunkingNeverMatters() {
    long seed = new SplittableRandom().nextLong();
    for (long s : new long[] {1, 2, 3, 42, seed}) {
      SplittableRandom random = new SplittableRandom(s);
      for (int round = 0; round < 300; round++) {
        byte[] input = randomInput(random);
        List<Object> whole = decode(new SseDecoder(32, 64), input);
        assertThat(decode(new SseDecoder(32, 64), input, randomCuts(random, input.length)))
            .as("seed %d round %d", s, round)
            .isEqualTo(whole);
      }
    }
  }

  /** Bytes biased towards the ones the grammar cares about. */
  private static byte[] randomInput(SplittableRandom random) {
    byte[] alphabet = bytes("\r\n: evntdaEVNT\u00e9");
    byte[] input = new byte[random.nextInt(400)];
    for (int i = 0; i < input.length; i++) {
      input[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
    }
    return input;
  }

  private static int[] randomCuts(SplittableRandom random, int length) {
    return random.ints(random.nextInt(8), 0, length + 1).sorted().toArray();
  }
}
