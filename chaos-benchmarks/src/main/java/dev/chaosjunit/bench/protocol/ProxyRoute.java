package dev.chaosjunit.bench.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.bench.Route;
import dev.chaosjunit.bench.Workload;
import dev.chaosjunit.proxy.EngineOptions;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.fault.Rule;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * The engine in the benchmark's JVM: as a plain L4 relay, or decoding the workload's protocol with one
 * rule that never matches (so every message is decoded and matched, and none is faulted).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProxyRoute implements Route {

  /** Per protocol, a rule whose match no benchmark message meets. */
  private static final Map<String, Rule> NON_MATCHING = Map.of(
      "kafka", never(Fault.on("bench").kafka().topic("no-such-topic").delay(Duration.ofSeconds(1))),
      "grpc", never(Fault.on("bench").grpc().method("/no.Such/Method").delay(Duration.ofSeconds(1))),
      "http", never(Fault.on("bench").http().path("/no.Such/Method").delay(Duration.ofSeconds(1))),
      "redis", never(Fault.on("bench").redis().key("no-such-key*").error("ERR")),
      "postgres", never(Fault.on("bench").postgres().query("DELETE FROM nothing*").error("53100", "never")),
      "amqp", never(Fault.on("bench").amqp().exchange("no-such-exchange").delay(Duration.ofSeconds(1))),
      "nats", never(Fault.on("bench").nats().subject("no.such.>").delay(Duration.ofSeconds(1))),
      "memcached", never(Fault.on("bench").memcached().key("no-such-key*").serverError("never")),
      "mongodb", never(Fault.on("bench").mongo().command("*").collection("no-such-collection").blockConnection(Duration.ofSeconds(1))));

  /** The row name of the L4 relay. */
  public static final String L4 = "chaos-proxy L4";
  /** The row name of the protocol-aware proxy. */
  public static final String PROTOCOL_AWARE = "chaos-proxy protocol-aware";

  /** The name prefix of the engine's event-loop threads. */
  public static final String ENGINE_THREADS = "chaos-proxy-io";

  private final boolean protocolAware;
  private final AtomicInteger proxies = new AtomicInteger();
  private ProxyEngine engine;

  public ProxyRoute(boolean protocolAware) {
    this.protocolAware = protocolAware;
  }

  @Override
  public String name() {
    return protocolAware ? PROTOCOL_AWARE : L4;
  }

  @Override
  public Fronted front(InetSocketAddress upstream, String protocol) {
    return front(upstream, protocol, Optional.empty());
  }

  /**
   * The L4 relay takes the server's relay listener when it offers one (it cannot rewrite advertised
   * addresses, so that is the only way for it to carry all the traffic); the protocol-aware proxy
   * fronts the server's own address and rewrites what it advertises.
   */
  @Override
  public Fronted front(InetSocketAddress upstream, String protocol, Optional<Workload.AdvertisedRelay> relay) {
    if (engine == null) {
      engine = ProxyEngine.start(EngineOptions.defaults().withSeed(1));
    }
    String name = "bench-" + proxies.incrementAndGet();
    ProxySpec spec = relay.filter(r -> !protocolAware)
        .map(r -> ProxySpec.of(name, "127.0.0.1:" + r.listen().getPort(), "127.0.0.1:" + r.upstream().getPort()))
        .orElseGet(() -> ProxySpec.of(name, "127.0.0.1:0", "127.0.0.1:" + upstream.getPort()));
    Proxy proxy = engine.create(protocolAware ? spec.withProtocol(protocol) : spec);
    if (protocolAware) {
      proxy.addRule(NON_MATCHING.get(protocol));
    }
    return Route.fronted(proxy.listenAddress(), () -> engine.remove(name));
  }

  private static Rule never(Fault fault) {
    return (Rule) fault.named("never").effects().get(0).effect();
  }

  /** The engine's event-loop threads ({@code Transport.THREAD_PREFIX} in chaos-proxies), which do all its relaying. */
  @Override
  public Optional<String> relayThreads() {
    return Optional.of(ENGINE_THREADS);
  }

  @Override
  public boolean supports(String protocol) {
    return !protocolAware || NON_MATCHING.containsKey(protocol);
  }

  @Override
  public void close() {
    if (engine != null) {
      engine.close();
    }
  }
}
