package dev.chaosjunit.proxy.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.fault.Toxic;

/**
 * {@code /proxies/{p}/toxics} and {@code /proxies/{p}/toxics/{t}}. Toxiproxy quirks kept: creation answers
 * 200 (not 201), deletion 204, updates are POST or PATCH with only the changed attributes.
 */
final class ToxicEndpoints {

  private final ProxyEndpoints proxies;

  ToxicEndpoints(ProxyEndpoints proxies) {
    this.proxies = proxies;
  }

  void install(AdminRouter router) {
    router.route("GET", "/proxies/{}/toxics", r -> index(proxies.proxy(r.segment(1))))
        .route("POST", "/proxies/{}/toxics", r -> create(proxies.proxy(r.segment(1)), r))
        .route("GET", "/proxies/{}/toxics/{}", r -> AdminResponse.ok(ToxicJson.toJson(toxic(r))))
        .route("POST,PATCH", "/proxies/{}/toxics/{}", r -> update(r))
        .route("DELETE", "/proxies/{}/toxics/{}", r -> delete(r));
  }

  private static AdminResponse index(Proxy proxy) {
    ArrayNode json = Json.MAPPER.createArrayNode();
    proxy.toxics().forEach(t -> json.add(ToxicJson.toJson(t)));
    return AdminResponse.ok(json);
  }

  private static AdminResponse create(Proxy proxy, AdminRequest request) {
    Toxic toxic = ToxicJson.create(request.json());
    if (proxy.toxic(toxic.name()).isPresent()) {
      throw ApiException.toxicAlreadyExists();
    }
    return AdminResponse.ok(ToxicJson.toJson(proxy.addToxic(toxic)));
  }

  private AdminResponse update(AdminRequest request) {
    Proxy proxy = proxies.proxy(request.segment(1));
    Toxic toxic = toxic(proxy, request.segment(3));
    return AdminResponse.ok(ToxicJson.toJson(proxy.updateToxic(ToxicJson.update(toxic, request.json()))));
  }

  private AdminResponse delete(AdminRequest request) {
    Proxy proxy = proxies.proxy(request.segment(1));
    proxy.removeToxic(toxic(proxy, request.segment(3)).name());
    return AdminResponse.noContent();
  }

  private Toxic toxic(AdminRequest request) {
    return toxic(proxies.proxy(request.segment(1)), request.segment(3));
  }

  private static Toxic toxic(Proxy proxy, String name) {
    return proxy.toxic(name).orElseThrow(ApiException::toxicNotFound);
  }
}
