package dev.chaosjunit.spring;

import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.ProxyEndpoint;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

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

  /** Each {@code host:port} entry rewritten where it names an upstream; empty when none does. */
  Optional<List<String>> rewrite(List<String> addresses) {
    List<Optional<String>> rewritten = addresses.stream().map(this::rewrite).toList();
    if (rewritten.stream().noneMatch(Optional::isPresent)) {
      return Optional.empty();
    }
    return Optional.of(IntStream.range(0, addresses.size())
        .mapToObj(i -> rewritten.get(i).orElse(addresses.get(i))).toList());
  }
}
