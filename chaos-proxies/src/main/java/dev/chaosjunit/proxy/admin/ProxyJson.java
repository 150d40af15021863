package dev.chaosjunit.proxy.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.Route;
import dev.chaosjunit.fault.Toxic;
import java.net.InetSocketAddress;

/**
 * A proxy as Toxiproxy's API writes it, plus our extensions: {@code protocol} (null for plain TCP) and
 * {@code routes}, the extra listeners the protocol opened (e.g. one per Kafka broker), each
 * {@code {"key", "listen", "upstream", "connections_accepted"}}, empty for most proxies.
 */
final class ProxyJson {

  private ProxyJson() {}

  static ObjectNode toJson(Proxy proxy) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("name", proxy.name());
    json.put("listen", listen(proxy));
    json.put("upstream", proxy.upstream());
    json.put("enabled", proxy.isEnabled());
    json.put("protocol", proxy.protocol().orElse(null));
    ArrayNode routes = json.putArray("routes");
    for (Route route : proxy.routes()) {
      routes.addObject().put("key", route.key()).put("listen", hostPort(route.listenAddress()))
          .put("upstream", route.upstream()).put("connections_accepted", route.connectionsAccepted());
    }
    ArrayNode toxics = json.putArray("toxics");
    for (Toxic toxic : proxy.toxics()) {
      toxics.add(ToxicJson.toJson(toxic));
    }
    return json;
  }

  /** The actual listen address as "host:port" (IPv6 in brackets), as Toxiproxy reports it. */
  static String listen(Proxy proxy) {
    return hostPort(proxy.listenAddress());
  }

  private static String hostPort(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
