package io.harpoon.supervisor.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTreesTest {

  private static final String SAMPLE =
      "{\"s\":\"t\\u00e9\",\"i\":7,\"l\":12345678901,\"b\":123456789012345678901234567890,"
          + "\"d\":1.5,\"e\":1e400,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,[],{}],"
          + "\"o\":{\"x\":{\"y\":[\"z\"]}},\"dup\":1,\"dup\":2}";

  @Test
  void sample_read_isTheTreeDatabindReads() throws IOException {
    JsonNode ours = JsonTrees.read(SAMPLE);
    JsonNode theirs = Json.mapper().readTree(SAMPLE);

    assertThat(ours).isEqualTo(theirs);
    assertThat(ours.get("i").isInt()).isTrue();
    assertThat(ours.get("l").isLong()).isTrue();
    assertThat(ours.get("b").isBigInteger()).isTrue();
    assertThat(ours.get("d").isDouble()).isTrue();
    assertThat(ours.get("dup").intValue()).isEqualTo(2);
  }

  @Test
  void sample_write_isTheTextDatabindWrites() throws IOException {
    JsonNode tree = Json.mapper().readTree(SAMPLE);

    assertThat(JsonTrees.write(tree)).isEqualTo(Json.mapper().writeValueAsString(tree));
  }

  @Test
  void sample_writePretty_isTheTextOfDatabindsDefaultPrettyPrinter() throws IOException {
    JsonNode tree = Json.mapper().readTree(SAMPLE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    JsonTrees.writePretty(tree, out);

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree));
  }

  @Test
  void emptyInput_read_isNull() throws IOException {
    assertThat(JsonTrees.read("  ")).isNull();
  }

  @Test
  void truncatedInput_read_throws() {
    assertThatThrownBy(() -> JsonTrees.read("{\"a\":[1,")).isInstanceOf(IOException.class);
  }

  @Test
  void tooDeep_read_throwsTheConstraint() {
    String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1);

    assertThatThrownBy(() -> JsonTrees.read(deep)).isInstanceOf(StreamConstraintsException.class);
  }

  @Test
  void strictParser_duplicateKey_throws() throws IOException {
    try (JsonParser parser = Json.factory().createParser("{\"a\":1,\"a\":2}")) {
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

      assertThatThrownBy(() -> JsonTrees.read(parser)).isInstanceOf(IOException.class);
    }
  }
}
