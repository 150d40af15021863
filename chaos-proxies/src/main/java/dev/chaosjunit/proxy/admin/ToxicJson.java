package dev.chaosjunit.proxy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaosjunit.fault.Toxic;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.ToxicType;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Toxics in Toxiproxy's JSON: {@code {"attributes":{...},"name":..,"type":..,"stream":..,"toxicity":..}},
 * every attribute of the type always present.
 */
final class ToxicJson {

  private ToxicJson() {}

  /** Reads a creation body with Toxiproxy's defaults: downstream, toxicity 1, name {@code <type>_<stream>}. */
  static Toxic create(JsonNode body) {
    ObjectNode json = Json.object(body);
    Direction stream = stream(Json.text(json, "stream", "downstream"));
    ToxicType type = type(Json.text(json, "type", ""));
    String name = Json.text(json, "name", "");
    return new Toxic(name, type, stream, toxicity(json, 1.0), attributes(type, json.get("attributes")));
  }

  /** Applies an update body: the attributes it names and the toxicity, if present; the rest stays. */
  static Toxic update(Toxic toxic, JsonNode body) {
    ObjectNode json = Json.object(body);
    return toxic.withAttributes(attributes(toxic.type(), json.get("attributes")))
        .withToxicity(toxicity(json, toxic.toxicity()));
  }

  static ObjectNode toJson(Toxic toxic) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    ObjectNode attributes = json.putObject("attributes");
    toxic.attributes().forEach(attributes::put);
    json.put("name", toxic.name());
    json.put("type", toxic.type().wireName());
    json.put("stream", toxic.stream().wireName());
    json.put("toxicity", toxic.toxicity());
    return json;
  }

  private static Direction stream(String name) {
    try {
      return Direction.of(name);
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "stream was invalid, can be either upstream or downstream (was [" + name + "])", e);
    }
  }

  private static ToxicType type(String name) {
    try {
      return ToxicType.of(name);
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "invalid toxic type: " + e.getMessage(), e);
    }
  }

  private static double toxicity(ObjectNode json, double fallback) {
    JsonNode node = json.get("toxicity");
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isNumber()) {
      throw ApiException.badRequestBody("toxicity must be a number between 0 and 1, was [" + node + "]");
    }
    return node.asDouble();
  }

  private static Map<String, Long> attributes(ToxicType type, JsonNode attributes) {
    Map<String, Long> values = new LinkedHashMap<>();
    if (attributes == null || attributes.isNull()) {
      return values;
    }
    if (!attributes.isObject()) {
      throw ApiException.badRequestBody("attributes must be a JSON object, was [" + attributes + "]");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      values.put(field.getKey(), integer(type, field.getKey(), field.getValue()));
    }
    return values;
  }

  private static long integer(ToxicType type, String name, JsonNode value) {
    if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
      throw ApiException.badRequestBody("attribute [" + name + "] of toxic type [" + type.wireName()
          + "] must be an integer, was [" + value + "]");
    }
    return value.asLong();
  }
}
