package io.harpoon.supervisor.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The single JSON mapper configuration. Input comes from files and sockets an attacker may write, so
 * reading is bounded: nesting depth, number and string lengths are capped far below what would hurt.
 */
public final class Json {

  /** Deepest nesting accepted on input; agent.json needs 3. */
  public static final int MAX_NESTING_DEPTH = 64;
  /** Longest number accepted on input, in characters. */
  public static final int MAX_NUMBER_LENGTH = 64;
  /** Longest string accepted on input, in characters. */
  public static final int MAX_STRING_LENGTH = 1 << 20;

  private static final ObjectMapper MAPPER = build();

  private Json() {}

  /** The shared, thread-safe mapper. Configure nothing on it: it is shared. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper build() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .build())
            .build();
    return JsonMapper.builder(factory)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .build();
  }
}
