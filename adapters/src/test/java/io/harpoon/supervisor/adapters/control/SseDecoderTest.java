package io.harpoon.supervisor.adapters.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseDecoderTest {

  private static final SseEvent STOP = new SseEvent("stop", "");

  /** Decodes {@code bytes} fed in chunks cut at {@code cuts}; the failure, if any, comes last. */
  static List<Object> decode(SseDecoder decoder, byte[] bytes, int... cuts) {
    List<Object> out = new ArrayList<>();
    int from = 0;
    for (int cut : cuts) {
      decoder.feed(ByteBuffer.wrap(bytes, from, cut - from), out::add);
      from = cut;
    }
    decoder.feed(ByteBuffer.wrap(bytes, from, bytes.length - from), out::add);
    if (decoder.failed()) {
      out.add(decoder.failure());
    }
    return out;
  }

  static List<Object> decode(String text, int... cuts) {
    return decode(new SseDecoder(), text.getBytes(StandardCharsets.UTF_8), cuts);
  }

  @Test
  void lineEnds_lfCrlfCr_allEndLines() {
    assertThat(decode("event: stop\n\n")).containsExactly(STOP);
    assertThat(decode("event: stop\r\n\r\n")).containsExactly(STOP);
    assertThat(decode("event: stop\r\r")).containsExactly(STOP);
    assertThat(decode("event: a\r\nevent: b\rdata: x\n\r\n")).containsExactly(new SseEvent("b", "x"));
  }

  @Test
  void crAtChunkEnd_lfInNextChunk_isOneLineEnd() {
    String text = "event: stop\r\ndata: x\r\n\r\n";
    int firstCr = text.indexOf('\r') + 1;
    assertThat(decode(text, firstCr)).containsExactly(new SseEvent("stop", "x"));
    int lastCr = text.lastIndexOf('\r') + 1;
    assertThat(decode(text, lastCr)).containsExactly(new SseEvent("stop", "x"));
  }

  @Test
  void crAtChunkEnd_thenOtherByte_crStillEndedTheLine() {
    assertThat(decode("event: stop\r\r", 12)).containsExactly(STOP);
  }

  @Test
  void bom_atStreamStart_ignored_evenSplit() {
    assertThat(decode("\uFEFFevent: stop\n\n")).containsExactly(STOP);
    assertThat(decode("\uFEFFevent: stop\n\n", 1)).containsExactly(STOP);
    assertThat(decode("\uFEFFevent: stop\n\n", 2)).containsExactly(STOP);
  }

  @Test
  void bom_laterInStream_isNotIgnored() {
    assertThat(decode("event: stop\n\n\uFEFFevent: kill\n\n")).containsExactly(STOP);
    assertThat(decode("event: a\n\uFEFFevent: b\n\n")).containsExactly(new SseEvent("a", ""));
  }

  @Test
  void commentLines_ignored() {
    assertThat(decode(": hello\nevent: stop\n: more\n\n")).containsExactly(STOP);
    assertThat(decode(":\n\n: only comments\n\n")).isEmpty();
  }

  @Test
  void oneLeadingSpaceRemoved_onlyOne() {
    assertThat(decode("event:stop\n\n")).containsExactly(STOP);
    assertThat(decode("event:  stop\n\n")).containsExactly(new SseEvent(" stop", ""));
    assertThat(decode("data:  x \n\n")).containsExactly(new SseEvent("message", " x "));
  }

  @Test
  void lineWithoutColon_isFieldWithEmptyValue() {
    assertThat(decode("event: stop\ndata\n\n")).containsExactly(STOP);
    assertThat(decode("data\ndata\n\n")).containsExactly(new SseEvent("message", "\n"));
    assertThat(decode("event\n\n")).containsExactly(new SseEvent("message", ""));
  }

  @Test
  void eventType_isLastEventField() {
    assertThat(decode("event: stop\nevent: kill\n\n")).containsExactly(new SseEvent("kill", ""));
  }

  @Test
  void dataLines_joinedWithLf() {
    assertThat(decode("event: x\ndata: a\ndata: b\ndata:\n\n"))
        .containsExactly(new SseEvent("x", "a\nb\n"));
  }

  @Test
  void noEventField_typeIsMessage() {
    assertThat(decode("data: hi\n\n")).containsExactly(new SseEvent("message", "hi"));
  }

  @Test
  void blankLinesAndUnknownFields_dispatchNothing() {
    assertThat(decode("\n\n\r\n")).isEmpty();
    assertThat(decode("id: 7\nretry: 10\nfoo: bar\n\n")).isEmpty();
  }

  @Test
  void incompleteEvent_isNotEmitted() {
    assertThat(decode("event: stop\n")).isEmpty();
    assertThat(decode("event: stop")).isEmpty();
  }

  @Test
  void severalEvents_inOrder() {
    assertThat(decode("event: stop\n\nevent: kill\n\nevent: exit\n\n"))
        .containsExactly(STOP, new SseEvent("kill", ""), new SseEvent("exit", ""));
  }

  @Test
  void invalidUtf8_replaced_neverThrows() {
    byte[] bytes = {'e', 'v', 'e', 'n', 't', ':', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n', '\n'};
    assertThat(decode(new SseDecoder(), bytes)).containsExactly(new SseEvent("\uFFFD(\uFFFD", ""));
  }

  @Test
  void multiByteCharacter_splitAcrossChunks_decodesWhole() {
    assertThat(decode("event: é€\n\n", 8, 10)).containsExactly(new SseEvent("é€", ""));
  }
}
