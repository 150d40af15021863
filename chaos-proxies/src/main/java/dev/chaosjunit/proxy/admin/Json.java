package dev.chaosjunit.proxy.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;

/** JSON reading with Toxiproxy's error wording ("bad request body: ..."), and the shared mapper. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** Parses a request body; an empty or malformed body is a 400 that quotes the parser's complaint. */
  static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw ApiException.badRequestBody("EOF (the request has no body; send a JSON document)");
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw ApiException.badRequestBody("EOF (the request body holds no JSON value)");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiException.badRequestBody("malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequestBody(e.getMessage());
    }
  }

  /** The node as an object, or a 400 saying what was sent instead. */
  static ObjectNode object(JsonNode node) {
    if (!node.isObject()) {
      throw ApiException.badRequestBody("expected a JSON object, got " + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return (ObjectNode) node;
  }

  /** A string field, or the fallback when absent or null; any other JSON type is a 400. */
  static String text(ObjectNode json, String field, String fallback) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isTextual()) {
      throw ApiException.badRequestBody("field [" + field + "] must be a string, was [" + node + "]");
    }
    return node.asText();
  }

  /** A boolean field, or the fallback when absent or null; any other JSON type is a 400. */
  static boolean bool(ObjectNode json, String field, boolean fallback) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      throw ApiException.badRequestBody("field [" + field + "] must be true or false, was [" + node + "]");
    }
    return node.asBoolean();
  }

  /** Serializes a response document. */
  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a JSON tree", e);
    }
  }
}
