package io.harpoon.supervisor.adapters.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * JSON trees ({@link JsonNode}) read and written with the streaming {@link Json#factory()}, without
 * an ObjectMapper: the same nodes {@code readTree} builds (ints as int, long or big integer nodes by
 * size, other numbers as doubles, a repeated key's last value wins unless the parser rejects
 * duplicates), and the same text {@code writeValueAsString} writes.
 */
public final class JsonTrees {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /** The tree of {@code text}, or null when it holds no value. */
  public static JsonNode read(String text) throws IOException {
    try (JsonParser parser = Json.factory().createParser(text)) {
      return read(parser);
    }
  }

  /** The next value of {@code parser} as a tree, or null at the end of the input. */
  public static JsonNode read(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    return token == null ? null : value(parser, token);
  }

  /** The compact JSON text of {@code node}. */
  public static String write(JsonNode node) {
    return Json.text(out -> emit(node, out));
  }

  /** Writes {@code node} to {@code out} (left open) in UTF-8, indented as databind's default. */
  public static void writePretty(JsonNode node, OutputStream out) throws IOException {
    try (JsonGenerator generator = Json.factory().createGenerator(out)) {
      generator.useDefaultPrettyPrinter();
      emit(node, generator);
    }
  }

  /** What each node's own serializer writes, without the serializer provider it would need. */
  private static void emit(JsonNode node, JsonGenerator out) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT:
        out.writeStartObject();
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
          out.writeFieldName(field.getKey());
          emit(field.getValue(), out);
        }
        out.writeEndObject();
        break;
      case ARRAY:
        out.writeStartArray();
        for (JsonNode element : node) {
          emit(element, out);
        }
        out.writeEndArray();
        break;
      case STRING:
        out.writeString(node.textValue());
        break;
      case NUMBER:
        number(node, out);
        break;
      case BOOLEAN:
        out.writeBoolean(node.booleanValue());
        break;
      case NULL:
        out.writeNull();
        break;
      default:
        throw new IOException("cannot write a " + node.getNodeType() + " node");
    }
  }

  private static void number(JsonNode node, JsonGenerator out) throws IOException {
    if (node.isInt()) {
      out.writeNumber(node.intValue());
    } else if (node.isLong()) {
      out.writeNumber(node.longValue());
    } else if (node.isBigInteger()) {
      out.writeNumber(node.bigIntegerValue());
    } else if (node.isBigDecimal()) {
      out.writeNumber(node.decimalValue());
    } else if (node.isFloat()) {
      out.writeNumber(node.floatValue());
    } else {
      out.writeNumber(node.doubleValue());
    }
  }

  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        return object(parser);
      case START_ARRAY:
        return array(parser);
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return integer(parser);
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IOException("unexpected JSON token " + token);
    }
  }

  private static JsonNode integer(JsonParser parser) throws IOException {
    switch (parser.getNumberType()) {
      case INT:
        return NODES.numberNode(parser.getIntValue());
      case LONG:
        return NODES.numberNode(parser.getLongValue());
      default:
        return NODES.numberNode(parser.getBigIntegerValue());
    }
  }

  private static ObjectNode object(JsonParser parser) throws IOException {
    ObjectNode object = NODES.objectNode();
    String name;
    while ((name = parser.nextFieldName()) != null) {
      object.set(name, value(parser, parser.nextToken()));
    }
    return object;
  }

  private static ArrayNode array(JsonParser parser) throws IOException {
    ArrayNode array = NODES.arrayNode();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      array.add(value(parser, token));
    }
    return array;
  }
}
