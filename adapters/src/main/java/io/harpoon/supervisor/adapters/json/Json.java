package io.harpoon.supervisor.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The single JSON configuration. Input comes from files and sockets an attacker may write, so
 * reading is bounded: nesting depth, number and string lengths are capped far below what would hurt.
 *
 * <p>Two entry points share those limits. {@link #factory()} is jackson-core's streaming layer, which
 * the start path uses (state frames, the journal, config.json, agent.json through {@link JsonTrees}):
 * a few dozen classes and no introspection. {@link #mapper()} is databind, built on first use only —
 * building it and its first serializers costs a cold JVM a few hundred milliseconds of CPU.
 */
public final class Json {

  /** Deepest nesting accepted on input; agent.json needs 3. */
  public static final int MAX_NESTING_DEPTH = 64;
  /** Longest number accepted on input, in characters. */
  public static final int MAX_NUMBER_LENGTH = 64;
  /** Longest string accepted on input, in characters. */
  public static final int MAX_STRING_LENGTH = 1 << 20;

  private static final JsonFactory FACTORY = factoryBuilder().build();

  private Json() {}

  /** The shared, thread-safe streaming factory. Configure nothing on it: it is shared. */
  public static JsonFactory factory() {
    return FACTORY;
  }

  /** Something that writes JSON to a streaming generator. */
  @FunctionalInterface
  public interface Writing {
    void to(JsonGenerator out) throws IOException;
  }

  /** The compact JSON text that {@code writing} produces, written with {@link #factory()}. */
  public static String text(Writing writing) {
    StringWriter text = new StringWriter(256);
    try (JsonGenerator out = FACTORY.createGenerator(text)) {
      writing.to(out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to a string cannot fail", e);
    }
    return text.toString();
  }

  /** The shared, thread-safe mapper. Configure nothing on it: it is shared. */
  public static ObjectMapper mapper() {
    return MapperHolder.MAPPER;
  }

  private static JsonFactoryBuilder factoryBuilder() {
    return new JsonFactoryBuilder()
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .build())
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET);
  }

  /** Built at the first call of {@link #mapper()}, not with the factory. */
  private static final class MapperHolder {
    static final ObjectMapper MAPPER =
        JsonMapper.builder(factoryBuilder().build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
  }
}
