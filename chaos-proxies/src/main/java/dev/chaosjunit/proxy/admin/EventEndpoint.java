package dev.chaosjunit.proxy.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxyEvent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Locale;

/**
 * {@code GET /proxies/{p}/events}: the proxy's recent events, oldest first, each as
 * {@code {"event":"FaultFired","time":"...", ...its fields in snake case}}.
 */
final class EventEndpoint {

  private final ProxyEngine engine;
  private final ProxyEndpoints proxies;

  EventEndpoint(ProxyEngine engine, ProxyEndpoints proxies) {
    this.engine = engine;
    this.proxies = proxies;
  }

  void install(AdminRouter router) {
    router.route("GET", "/proxies/{}/events", r -> events(proxies.proxy(r.segment(1)).name()));
  }

  private AdminResponse events(String proxy) {
    ArrayNode json = Json.MAPPER.createArrayNode();
    engine.events().recent().stream().filter(e -> e.proxy().equals(proxy)).forEach(e -> json.add(toJson(e)));
    return AdminResponse.ok(json);
  }

  static ObjectNode toJson(ProxyEvent event) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("event", event.getClass().getSimpleName());
    for (RecordComponent component : event.getClass().getRecordComponents()) {
      Object value = read(component, event);
      String field = component.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
      if (value instanceof Number || value instanceof Boolean) {
        json.set(field, Json.MAPPER.valueToTree(value));
      } else {
        json.put(field, String.valueOf(value));
      }
    }
    return json;
  }

  private static Object read(RecordComponent component, ProxyEvent event) {
    try {
      return component.getAccessor().invoke(event);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component + " of " + event.getClass(), e);
    }
  }
}
