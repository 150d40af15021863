package dev.chaosjunit.spring;

import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.ProxyEndpoint;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the proxy fronting an address that connection details name, and rewrites the address. */
final class Upstreams {

  private final ChaosTopology topology;

  Upstreams(ChaosTopology topology) {
    this.topology = topology;
  }

  /** The proxy whose upstream is {@code host:port}. */
  Optional<ProxyEndpoint> proxyOf(String host, int port) {
    String address = host + ":" + port;
    return topology.proxies().stream().filter(proxy -> proxy.upstream().equals(address)).findFirst();
  }

  /** {@code text} with the first upstream {@code host:port} it names (not followed by a digit) replaced by its proxy's. */
  Optional<String> rewrite(String text) {
    for (ProxyEndpoint proxy : topology.proxies()) {
      Matcher matcher = Pattern.compile(Pattern.quote(proxy.upstream()) + "(?!\\d)").matcher(text);
      if (matcher.find()) {
        return Optional.of(matcher.replaceFirst(Matcher.quoteReplacement(proxy.hostPort())));
      }
    }
    return Optional.empty();
  }
}
