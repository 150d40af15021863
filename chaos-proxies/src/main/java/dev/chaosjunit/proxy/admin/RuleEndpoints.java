package dev.chaosjunit.proxy.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaosjunit.proxy.FaultCounters;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyStats;
import dev.chaosjunit.fault.Rule;

/**
 * Our extensions: {@code /proxies/{p}/rules} (protocol rules; creation answers 200 like toxics) and
 * {@code /proxies/{p}/counters} (traffic, and how often each toxic and rule met traffic and fired).
 */
final class RuleEndpoints {

  private final ProxyEndpoints proxies;

  RuleEndpoints(ProxyEndpoints proxies) {
    this.proxies = proxies;
  }

  void install(AdminRouter router) {
    router.route("GET", "/proxies/{}/rules", r -> index(proxies.proxy(r.segment(1))))
        .route("POST", "/proxies/{}/rules", r -> create(proxies.proxy(r.segment(1)), r))
        .route("GET", "/proxies/{}/rules/{}", r -> AdminResponse.ok(RuleJson.toJson(rule(r))))
        .route("DELETE", "/proxies/{}/rules/{}", r -> delete(r))
        .route("GET", "/proxies/{}/counters", r -> AdminResponse.ok(counters(proxies.proxy(r.segment(1)))));
  }

  private static AdminResponse index(Proxy proxy) {
    ArrayNode json = Json.MAPPER.createArrayNode();
    proxy.rules().forEach(rule -> json.add(RuleJson.toJson(rule)));
    return AdminResponse.ok(json);
  }

  private static AdminResponse create(Proxy proxy, AdminRequest request) {
    Rule rule = RuleJson.parse(request.json());
    if (find(proxy, rule.name()) != null) {
      throw new ApiException(409, "rule already exists");
    }
    proxy.addRule(rule);
    return AdminResponse.ok(RuleJson.toJson(rule));
  }

  private AdminResponse delete(AdminRequest request) {
    Proxy proxy = proxies.proxy(request.segment(1));
    proxy.removeRule(rule(request).name());
    return AdminResponse.noContent();
  }

  private Rule rule(AdminRequest request) {
    Rule rule = find(proxies.proxy(request.segment(1)), request.segment(3));
    if (rule == null) {
      throw ApiException.ruleNotFound();
    }
    return rule;
  }

  private static Rule find(Proxy proxy, String name) {
    return proxy.rules().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
  }

  private static ObjectNode counters(Proxy proxy) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    ProxyStats stats = proxy.stats();
    json.putObject("stats").put("connections_accepted", stats.connectionsAccepted())
        .put("connections_active", stats.connectionsActive())
        .put("bytes_upstream", stats.bytesUpstream()).put("bytes_downstream", stats.bytesDownstream());
    ObjectNode toxics = json.putObject("toxics");
    proxy.toxics().forEach(t -> toxics.set(t.name(), counters(proxy.toxicCounters(t.name()))));
    ObjectNode rules = json.putObject("rules");
    proxy.rules().forEach(r -> rules.set(r.name(), counters(proxy.ruleCounters(r.name()))));
    return json;
  }

  private static ObjectNode counters(FaultCounters counters) {
    return Json.MAPPER.createObjectNode().put("seen", counters.seen()).put("fired", counters.fired())
        .put("connections", counters.connections());
  }
}
