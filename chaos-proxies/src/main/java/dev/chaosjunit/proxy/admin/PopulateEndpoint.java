package dev.chaosjunit.proxy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /populate}: creates or replaces a list of proxies, as Toxiproxy does. All entries are
 * checked before any proxy is touched; a proxy whose listen address and upstream are unchanged is kept
 * as it is (with its toxics). Answers 201 with {@code {"proxies":[...]}}, or the error status with the
 * error and the proxies made before the failure.
 */
final class PopulateEndpoint {

  private final ProxyEngine engine;

  PopulateEndpoint(ProxyEngine engine) {
    this.engine = engine;
  }

  void install(AdminRouter router) {
    router.route("POST", "/populate", r -> populate(r.json()));
  }

  /** Populates from a JSON array; also used for the server's {@code --config} file. */
  AdminResponse populate(JsonNode body) {
    List<ProxyInput> inputs = inputs(body);
    List<Proxy> done = new ArrayList<>();
    try {
      inputs.forEach(input -> done.add(addOrReplace(input)));
    } catch (ApiException e) {
      ObjectNode json = answer(done).put("error", e.getMessage()).put("status", e.status());
      return new AdminResponse(e.status(), Json.bytes(json), AdminResponse.JSON);
    }
    return AdminResponse.created(answer(done));
  }

  private static List<ProxyInput> inputs(JsonNode body) {
    if (!body.isArray()) {
      throw ApiException.badRequestBody("expected a JSON array of proxies, got "
          + body.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    List<ProxyInput> inputs = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      ProxyInput input = ProxyInput.create(body.get(i), " at proxy " + (i + 1));
      try {
        input.spec();
      } catch (IllegalArgumentException e) {
        throw new ApiException(400, e.getMessage() + " (at proxy " + (i + 1) + ")", e);
      }
      inputs.add(input);
    }
    return inputs;
  }

  private Proxy addOrReplace(ProxyInput input) {
    Optional<Proxy> existing = engine.proxy(input.name());
    if (existing.isPresent() && !input.differs(existing.get())) {
      return existing.get();
    }
    existing.ifPresent(p -> engine.remove(p.name()));
    return ProxyLifecycle.create(engine, input.spec());
  }

  private static ObjectNode answer(List<Proxy> proxies) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    ArrayNode array = json.putArray("proxies");
    proxies.forEach(p -> array.add(ProxyJson.toJson(p)));
    return json;
  }
}
