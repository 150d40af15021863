package dev.chaosjunit.proxy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxySpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * The proxy fields a client sends: {@code name}, {@code listen}, {@code upstream}, {@code enabled} and
 * our extension {@code protocol}. An absent field keeps its default (creation) or current value (update).
 */
record ProxyInput(String name, String listen, String upstream, boolean enabled, String protocol) {

  /** Reads a creation body; {@code where} qualifies missing-field errors (e.g. " at proxy 2"). */
  static ProxyInput create(JsonNode body, String where) {
    ObjectNode json = Json.object(body);
    ProxyInput input = new ProxyInput(Json.text(json, "name", ""), Json.text(json, "listen", ""),
        Json.text(json, "upstream", ""), Json.bool(json, "enabled", true), Json.text(json, "protocol", null));
    if (input.name.isEmpty()) {
      throw ApiException.missingField("name" + where);
    }
    if (input.upstream.isEmpty()) {
      throw ApiException.missingField("upstream" + where);
    }
    return input;
  }

  /** Reads an update body over the proxy's current state. */
  static ProxyInput update(Proxy proxy, JsonNode body) {
    ObjectNode json = Json.object(body);
    return new ProxyInput(proxy.name(), Json.text(json, "listen", ProxyJson.listen(proxy)),
        Json.text(json, "upstream", proxy.upstream()), Json.bool(json, "enabled", proxy.isEnabled()),
        Json.text(json, "protocol", proxy.protocol().orElse(null)));
  }

  /** The engine's spec; an empty listen means the engine's bind host on an ephemeral port. */
  ProxySpec spec() {
    ProxySpec spec = listen.isEmpty() ? ProxySpec.of(name, upstream) : ProxySpec.of(name, listen, upstream);
    return spec.withProtocol(protocol).withEnabled(enabled);
  }

  /** Whether this input moves the proxy (Toxiproxy restarts it then): another listen address or upstream. */
  boolean differs(Proxy proxy) {
    ProxySpec wanted = spec();
    return !wanted.upstream().equals(proxy.upstream())
        || wanted.listenPort() != proxy.listenAddress().getPort()
        || !sameHost(wanted.listenHost(), proxy)
        || !Objects.equals(wanted.protocolName(), proxy.protocol());
  }

  private static boolean sameHost(String host, Proxy proxy) {
    if (host == null) {
      return true;
    }
    try {
      return InetAddress.getByName(host).equals(proxy.listenAddress().getAddress());
    } catch (UnknownHostException e) {
      throw new ApiException(400, "listen host [" + host + "] cannot be resolved", e);
    }
  }
}
