package io.harpoon.supervisor.bootstrap.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrintableTest {

  @Test
  void text_controlsAndBidiOverrides_areEscapedVisibly() {
    assertThat(Printable.text("a\u001b[2Jb\tc\nd\u007f\u0085\u009b\u2028\u202e\u2066e"))
        .isEqualTo("a\\x1b[2Jb\\x09c\\x0ad\\x7f\\x85\\x9b\\u2028\\u202e\\u2066e");
  }

  @Test
  void text_ordinaryUnicode_staysAsItIs() {
    String text = "café — 日本 ✓";

    assertThat(Printable.text(text)).isSameAs(text);
  }

  @Test
  void rawCopy_sequencesSplitAtEveryByte_areEscapedTheSame() {
    byte[] input = "ok \u001b \u009b \u202e é — \n".getBytes(StandardCharsets.UTF_8);
    RawCopy whole = new RawCopy();
    RawCopy split = new RawCopy();
    StringBuilder pieces = new StringBuilder();

    String once = new String(whole.filter(ByteBuffer.wrap(input)), StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte b : input) {
      byte[] part = split.filter(ByteBuffer.wrap(new byte[] {b}));
      out.write(part, 0, part.length);
    }
    pieces.append(out.toString(StandardCharsets.UTF_8));

    assertThat(once).isEqualTo("ok \\x1b \\x9b \\u202e é — \n");
    assertThat(pieces.toString()).isEqualTo(once);
  }

  @Test
  void rawCopy_invalidUtf8HidingAC1Control_isStillEscaped() {
    byte[] input = {(byte) 0xe2, (byte) 0xc2, (byte) 0x9b, '2', 'J'};

    byte[] out = new RawCopy().filter(ByteBuffer.wrap(input));

    assertThat(new String(out, StandardCharsets.ISO_8859_1)).isEqualTo("\u00e2\\x9b2J");
  }
}
