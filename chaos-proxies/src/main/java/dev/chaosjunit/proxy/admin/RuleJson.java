package dev.chaosjunit.proxy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Protocol rules in JSON, our extension of Toxiproxy's API, mapped to and from the model's {@link Rule}
 * here and nowhere else:
 * <pre>{"name":"insertFails","direction":"upstream","match":{"sql":"INSERT*"},
 *  "action":{"type":"error","params":{"code":"53100","message":"disk full"}},
 *  "probability":1.0,"after":0,"times":0}</pre>
 * <ul>
 *   <li>{@code direction}: {@code upstream} (requests, the default) or {@code downstream} (responses);
 *       {@code request} and {@code response} are accepted too.</li>
 *   <li>{@code action.type} and its {@code params}: {@code error} ({@code code}, {@code message}, and the
 *       protocol's extras), {@code delay} ({@code ms}), {@code drop} ({@code mode}, see
 *       {@link DropMode#wireName()}; absent = the protocol's own way; modes {@code goaway} and
 *       {@code rst_stream} also take {@code code}, an HTTP/2 error code), {@code respond} (the protocol's
 *       reply parameters), {@code rewrite} (the protocol's changes to the server's reply, e.g. HTTP's
 *       {@code header.<Name>} and {@code remove}), {@code duplicate} (none).</li>
 *   <li>{@code probability} defaults to 1, {@code after}/{@code times} to 0 (no limit).</li>
 * </ul>
 * Parameter values may be strings or numbers. The rule's protocol is the proxy's.
 */
final class RuleJson {

  private RuleJson() {}

  static Rule parse(JsonNode body) {
    ObjectNode json = Json.object(body);
    String name = Json.text(json, "name", "");
    if (name.isEmpty()) {
      throw ApiException.missingField("name");
    }
    ObjectNode action = Json.object(required(json, "action"));
    try {
      return new Rule(name, "", Direction.of(Json.text(json, "direction", "upstream")),
          strings(json.get("match"), "match"),
          action(Json.text(action, "type", ""), strings(action.get("params"), "action.params")),
          number(json, "probability", 1.0), (long) number(json, "after", 0), (long) number(json, "times", 0));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequestBody(e.getMessage());
    }
  }

  static ObjectNode toJson(Rule rule) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("name", rule.name());
    json.put("direction", rule.direction().wireName());
    ObjectNode match = json.putObject("match");
    new TreeMap<>(rule.match()).forEach(match::put);
    ObjectNode action = json.putObject("action");
    action.put("type", rule.action().type());
    ObjectNode params = action.putObject("params");
    new TreeMap<>(params(rule.action())).forEach(params::put);
    json.put("probability", rule.probability());
    json.put("after", rule.after());
    json.put("times", rule.times());
    return json;
  }

  private static Action action(String type, Map<String, String> params) {
    Map<String, String> rest = new LinkedHashMap<>(params);
    Action action = switch (type.toLowerCase(Locale.ROOT)) {
      case "error" -> new Action.Error(rest.remove("code"), rest.remove("message"), rest);
      case "delay" -> new Action.Delay(Duration.ofMillis(millis(rest.remove("ms"))));
      case "drop" -> drop(rest);
      case "respond" -> new Action.Respond(Map.copyOf(rest));
      case "rewrite" -> new Action.Rewrite(Map.copyOf(rest));
      case "duplicate" -> new Action.Duplicate();
      default -> throw ApiException.badRequestBody("action type [" + type
          + "] is unknown; use one of [error, delay, drop, respond, rewrite, duplicate]");
    };
    if ((action instanceof Action.Delay || action instanceof Action.Duplicate) && !rest.isEmpty()) {
      throw ApiException.badRequestBody("action [" + type + "] takes no parameters " + rest.keySet());
    }
    return action;
  }

  /** A drop's {@code mode}; the other parameters are the mode's extras (GOAWAY's {@code code}). */
  private static Action.Drop drop(Map<String, String> params) {
    DropMode mode = params.containsKey("mode") ? DropMode.of(params.remove("mode")) : null;
    return new Action.Drop(mode, params);
  }

  private static Map<String, String> params(Action action) {
    Map<String, String> params = new LinkedHashMap<>();
    if (action instanceof Action.Error error) {
      params.put("code", error.code());
      params.put("message", error.message());
      params.putAll(error.params());
    } else if (action instanceof Action.Delay delay) {
      params.put("ms", Long.toString(delay.delay().toMillis()));
    } else if (action instanceof Action.Drop drop && drop.mode() != null) {
      params.put("mode", drop.mode().wireName());
      params.putAll(drop.params());
    } else if (action instanceof Action.Respond respond) {
      params.putAll(respond.params());
    } else if (action instanceof Action.Rewrite rewrite) {
      params.putAll(rewrite.params());
    }
    return params;
  }

  private static long millis(String ms) {
    if (ms == null) {
      return 0;
    }
    try {
      return Long.parseLong(ms.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequestBody("delay [ms=" + ms + "] is not a whole number of milliseconds");
    }
  }

  private static JsonNode required(ObjectNode json, String field) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      throw ApiException.missingField(field);
    }
    return node;
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
