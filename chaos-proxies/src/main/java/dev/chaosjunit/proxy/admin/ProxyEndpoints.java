package dev.chaosjunit.proxy.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxyListenException;

/** {@code /proxies}, {@code /proxies/{p}}, {@code /reset} and {@code /version}, as Toxiproxy answers them. */
final class ProxyEndpoints {

  private final ProxyEngine engine;
  private final String version;

  ProxyEndpoints(ProxyEngine engine, String version) {
    this.engine = engine;
    this.version = version;
  }

  void install(AdminRouter router) {
    router.route("GET", "/proxies", r -> index())
        .route("POST", "/proxies", r -> create(r))
        .route("GET", "/proxies/{}", r -> AdminResponse.ok(ProxyJson.toJson(proxy(r.segment(1)))))
        .route("POST,PATCH", "/proxies/{}", r -> update(r))
        .route("DELETE", "/proxies/{}", r -> delete(r.segment(1)))
        .route("POST", "/reset", r -> reset())
        .route("GET", "/version", r -> version());
  }

  /** The proxy of that name, or Toxiproxy's 404. */
  Proxy proxy(String name) {
    return engine.proxy(name).orElseThrow(ApiException::proxyNotFound);
  }

  private AdminResponse index() {
    ObjectNode json = Json.MAPPER.createObjectNode();
    engine.proxies().forEach(p -> json.set(p.name(), ProxyJson.toJson(p)));
    return AdminResponse.ok(json);
  }

  private AdminResponse create(AdminRequest request) {
    ProxyInput input = ProxyInput.create(request.json(), "");
    if (engine.proxy(input.name()).isPresent()) {
      throw ApiException.proxyAlreadyExists();
    }
    return AdminResponse.created(ProxyJson.toJson(ProxyLifecycle.create(engine, input.spec())));
  }

  private AdminResponse update(AdminRequest request) {
    Proxy proxy = proxy(request.segment(1));
    ProxyInput input = ProxyInput.update(proxy, request.json());
    if (input.differs(proxy)) {
      proxy = ProxyLifecycle.move(engine, proxy, input.spec());
    } else if (input.enabled() != proxy.isEnabled()) {
      ProxyLifecycle.setEnabled(proxy, input.enabled());
    }
    return AdminResponse.ok(ProxyJson.toJson(proxy));
  }

  private AdminResponse delete(String name) {
    proxy(name);
    engine.remove(name);
    return AdminResponse.noContent();
  }

  private AdminResponse reset() {
    engine.reset();
    return AdminResponse.noContent();
  }

  private AdminResponse version() {
    return AdminResponse.text("{\"version\": \"" + version + "\"}\n", "application/json;charset=utf-8");
  }

  /** Toxiproxy answers a listen failure with 500 and the bind error. */
  static ApiException listenFailed(ProxyListenException e) {
    return new ApiException(500, e.getMessage(), e);
  }
}
