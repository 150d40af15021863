package dev.chaosjunit.proxy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaosjunit.proxy.rule.ActionSpec;
import dev.chaosjunit.proxy.rule.Direction;
import dev.chaosjunit.proxy.rule.RuleSpec;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Protocol rules in JSON, our extension of Toxiproxy's API:
 * <pre>{"name":"insertFails","direction":"request","match":{"sql":"INSERT*"},
 *  "action":{"type":"error","params":{"code":"53100","message":"disk full"}},
 *  "probability":1.0,"after":0,"times":0}</pre>
 * {@code direction} defaults to {@code request}, {@code probability} to 1, {@code after}/{@code times} to 0
 * (no limit). Parameter values may be strings or numbers.
 */
final class RuleJson {

  private RuleJson() {}

  static RuleSpec parse(JsonNode body) {
    ObjectNode json = Json.object(body);
    String name = Json.text(json, "name", "");
    if (name.isEmpty()) {
      throw ApiException.missingField("name");
    }
    ObjectNode action = Json.object(required(json, "action"));
    return new RuleSpec(name, direction(Json.text(json, "direction", "request")), strings(json.get("match"), "match"),
        new ActionSpec(actionType(Json.text(action, "type", "")), strings(action.get("params"), "action.params")),
        number(json, "probability", 1.0), (long) number(json, "after", 0), (long) number(json, "times", 0));
  }

  static ObjectNode toJson(RuleSpec rule) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("name", rule.name());
    json.put("direction", rule.direction().name().toLowerCase(Locale.ROOT));
    ObjectNode match = json.putObject("match");
    new TreeMap<>(rule.match()).forEach(match::put);
    ObjectNode action = json.putObject("action");
    action.put("type", rule.action().type().name().toLowerCase(Locale.ROOT));
    ObjectNode params = action.putObject("params");
    new TreeMap<>(rule.action().params()).forEach(params::put);
    json.put("probability", rule.probability());
    json.put("after", rule.after());
    json.put("times", rule.times());
    return json;
  }

  private static JsonNode required(ObjectNode json, String field) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      throw ApiException.missingField(field);
    }
    return node;
  }

  private static Direction direction(String text) {
    return Arrays.stream(Direction.values()).filter(d -> d.name().equalsIgnoreCase(text)).findFirst()
        .orElseThrow(() -> ApiException.badRequestBody("direction [" + text + "] is unknown; use request or response"));
  }

  private static ActionSpec.Type actionType(String text) {
    return Arrays.stream(ActionSpec.Type.values()).filter(t -> t.name().equalsIgnoreCase(text)).findFirst()
        .orElseThrow(() -> ApiException.badRequestBody("action type [" + text + "] is unknown; use one of "
            + Arrays.toString(ActionSpec.Type.values()).toLowerCase(Locale.ROOT)));
  }

  private static Map<String, String> strings(JsonNode node, String field) {
    Map<String, String> values = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return values;
    }
    if (!node.isObject()) {
      throw ApiException.badRequestBody(field + " must be a JSON object, was [" + node + "]");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw ApiException.badRequestBody(field + "." + e.getKey() + " must be a string or a number, was ["
            + e.getValue() + "]");
      }
      values.put(e.getKey(), e.getValue().asText());
    }
    return values;
  }

  private static double number(ObjectNode json, String field, double fallback) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isNumber()) {
      throw ApiException.badRequestBody("field [" + field + "] must be a number, was [" + node + "]");
    }
    return node.asDouble();
  }
}
