package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.proxy.FaultCounters;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEvent;
import dev.chaosjunit.proxy.ProxyEvent.FaultKind;
import dev.chaosjunit.proxy.ProxySpec;
import dev.chaosjunit.proxy.ProxyStats;
import dev.chaosjunit.proxy.Route;
import dev.chaosjunit.fault.Toxic;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import dev.chaosjunit.fault.Rule;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import io.netty.util.concurrent.Future;

/** A proxy: its listener and routes, live connections, toxics, rules and counters. */
final class DefaultProxy implements Proxy {

  static final AttributeKey<Long> ID = AttributeKey.valueOf("chaos-connection-id");

  private volatile ProxySpec spec;
  private final DefaultProxyEngine engine;
  private final ProtocolInspector inspector;
  private final Listener listener;
  private final RouteTable routes;
  private final ToxicChain toxics;
  private final RuleBook rules;
  private final Traffic traffic = new Traffic();
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private volatile InetSocketAddress listenAddress;
  private volatile boolean enabled;
  private volatile boolean removed;

  DefaultProxy(ProxySpec spec, DefaultProxyEngine engine, ProtocolInspector inspector) {
    this.spec = spec;
    this.engine = engine;
    this.inspector = inspector;
    AtomicLong ids = new AtomicLong();
    this.listener = new Listener(this, engine.acceptors(), engine.group(), ids, this::upstreamAddress);
    this.routes = new RouteTable(this, target -> new Listener(this, engine.acceptors(), engine.group(), ids, target));
    this.toxics = new ToxicChain(spec.name(), engine::seed);
    this.rules = new RuleBook(spec.name(), engine::seed, inspector, this::publish);
    String host = spec.listenHost() == null ? engine.bindHost() : spec.listenHost();
    this.listenAddress = new InetSocketAddress(host, spec.listenPort());
  }

  /** Binds when the spec says enabled; throws when the address cannot be bound. */
  void open() {
    if (spec.enabled()) {
      listenAddress = listener.bind(listenAddress);
      enabled = true;
    }
  }

  @Override public String name() { return spec.name(); }
  @Override public ProxySpec spec() { return spec; }
  @Override public InetSocketAddress listenAddress() { return listenAddress; }
  @Override public String upstream() { return spec.upstream(); }
  @Override public Optional<String> protocol() { return spec.protocolName(); }
  @Override public boolean isEnabled() { return enabled; }

  @Override
  public synchronized void enable() {
    if (!enabled && !removed) {
      listenAddress = listener.bind(listenAddress);
      enabled = true;
      routes.bindAll();
      publish(new ProxyEvent.ProxyStateChanged(Instant.now(), name(), true));
    }
  }

  @Override
  public synchronized void disable() {
    if (enabled) {
      enabled = false;
      listener.unbind();
      routes.unbindAll();
      closeConnections();
      publish(new ProxyEvent.ProxyStateChanged(Instant.now(), name(), false));
    }
  }

  @Override
  public synchronized void setListen(String listen) {
    ProxySpec next = spec.withListen(listen);
    InetSocketAddress address = new InetSocketAddress(
        next.listenHost() == null ? engine.bindHost() : next.listenHost(), next.listenPort());
    spec = next;
    if (!enabled) {
      listenAddress = address;
      return;
    }
    disable();
    listenAddress = address;
    enable();
  }

  @Override
  public synchronized void moveUpstream(String upstream) {
    InetSocketAddress before = upstreamAddress();
    setUpstream(upstream);
    routes.moved(before, upstreamAddress());
  }

  @Override
  public synchronized void setUpstream(String upstream) {
    spec = spec.withUpstream(upstream);
    closeConnections();
  }

  @Override
  public Toxic addToxic(Toxic toxic) {
    Toxic added = toxics.add(toxic);
    changed(new ProxyEvent.FaultAdded(Instant.now(), name(), FaultKind.TOXIC, added.name(), added.describe(), false));
    return added;
  }

  @Override
  public Toxic updateToxic(Toxic toxic) {
    Toxic updated = toxics.update(toxic);
    changed(new ProxyEvent.FaultAdded(Instant.now(), name(), FaultKind.TOXIC, updated.name(), updated.describe(), true));
    return updated;
  }

  @Override
  public void removeToxic(String toxicName) {
    toxics.remove(toxicName);
    changed(new ProxyEvent.FaultRemoved(Instant.now(), name(), FaultKind.TOXIC, toxicName));
  }

  @Override public Optional<Toxic> toxic(String toxicName) { return toxics.find(toxicName).map(t -> t.spec); }
  @Override public List<Toxic> toxics() { return toxics.snapshot().stream().map(t -> t.spec).toList(); }
  @Override public FaultCounters toxicCounters(String toxicName) { return toxics.counters(toxicName); }

  @Override
  public void addRule(Rule rule) {
    rules.add(rule);
    publish(new ProxyEvent.FaultAdded(Instant.now(), name(), FaultKind.RULE, rule.name(), rule.describe(), false));
  }

  @Override
  public void removeRule(String ruleName) {
    rules.remove(ruleName);
    publish(new ProxyEvent.FaultRemoved(Instant.now(), name(), FaultKind.RULE, ruleName));
    eachConnection(c -> c.ruleRemoved(ruleName));
  }

  @Override public List<Rule> rules() { return rules.specs(); }
  @Override public FaultCounters ruleCounters(String ruleName) { return rules.counters(ruleName); }
  @Override
  public List<String> faultResidue() {
    Map<Connection, Future<List<String>>> answers = new LinkedHashMap<>();
    connections.forEach(c -> answers.put(c, c.client().eventLoop().submit(c::residue)));
    List<String> residue = new ArrayList<>();
    answers.forEach((connection, answer) -> {
      if (!answer.awaitUninterruptibly(1, TimeUnit.SECONDS) || !answer.isSuccess()) {
        residue.add("connection " + connection.id + ": its event loop did not answer within a second");
      } else {
        answer.getNow().forEach(left -> residue.add("connection " + connection.id + ": " + left));
      }
    });
    return residue;
  }

  @Override public ProxyStats stats() { return traffic.snapshot(connections.size()); }
  @Override public List<Route> routes() { return routes.snapshot(); }

  /** Removes every toxic and rule, then enables the proxy. */
  void reset() {
    toxics.clear().forEach(t -> publish(new ProxyEvent.FaultRemoved(Instant.now(), name(), FaultKind.TOXIC, t)));
    rules.clear().forEach(r -> {
      publish(new ProxyEvent.FaultRemoved(Instant.now(), name(), FaultKind.RULE, r));
      eachConnection(c -> c.ruleRemoved(r));
    });
    eachConnection(Connection::toxicsChanged);
    enable();
  }

  /** Stops listening and closes every connection, for good. */
  synchronized void shutdown() {
    removed = true;
    enabled = false;
    listener.unbind();
    routes.unbindAll();
    closeConnections();
  }

  private InetSocketAddress upstreamAddress() {
    return InetSocketAddress.createUnresolved(spec.upstreamHost(), spec.upstreamPort());
  }

  boolean hasRules(Direction direction) {
    return rules.hasRules(direction);
  }

  Optional<RuleMatch> match(long connection, Direction direction, MessageFacts facts, Set<ActiveRule> firedHere) {
    Optional<RuleMatch> match = rules.match(connection, direction, facts, firedHere);
    if (match.isPresent()) { // not map: its capturing lambda would be allocated per decoded message
      RuleMatch fired = match.get();
      publish(new ProxyEvent.FaultFired(Instant.now(), name(), connection, FaultKind.RULE, fired.rule().name(),
          fired.action().type(), FactsText.of(facts, fired.rule().match().keySet()), fired.firing()));
    }
    return match;
  }

  private void changed(ProxyEvent event) {
    publish(event);
    eachConnection(Connection::toxicsChanged);
  }

  private void eachConnection(Consumer<Connection> action) {
    for (Connection c : connections) {
      c.client().eventLoop().execute(() -> action.accept(c));
    }
  }

  private void closeConnections() {
    eachConnection(Connection::close);
  }

  boolean register(Connection connection) {
    if (!enabled) {
      return false;
    }
    connections.add(connection);
    traffic.accepted();
    return true;
  }

  void unregister(Connection connection) { connections.remove(connection); }
  void countBytes(boolean upstream, long n) { traffic.bytes(upstream, n); }
  void publish(ProxyEvent event) { engine.publish(event); }
  ToxicChain toxicChain() { return toxics; }
  RouteTable routeTable() { return routes; }
  ProtocolInspector inspector() { return inspector; }
  int connectTimeoutMillis() { return engine.connectTimeoutMillis(); }
  Transport transport() { return engine.transport(); }
}
