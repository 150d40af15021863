package dev.chaosjunit.proxy.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.proxy.protocol.ProtocolInspectors;
import dev.chaosjunit.proxy.EngineOptions;
import dev.chaosjunit.proxy.EventStream;
import dev.chaosjunit.proxy.NameConflictException;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxyEvent;
import dev.chaosjunit.proxy.ProxySpec;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine: one event-loop group shared by every proxy. Use {@link ProxyEngine#start(EngineOptions)}. */
@API(status = INTERNAL, since = "0.1")
public final class DefaultProxyEngine implements ProxyEngine {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultProxyEngine.class);

  private final EngineOptions options;
  private volatile long seed;
  private final Transport transport;
  private final EventLoopGroup group;
  private final EventLoopGroup acceptors;
  private final ProtocolInspectors inspectors;
  private final EventHub events = new EventHub();
  private final Map<String, DefaultProxy> proxies = new LinkedHashMap<>();
  private boolean closed;

  private DefaultProxyEngine(EngineOptions options, Transport transport) {
    this.options = options;
    this.seed = options.seed();
    this.inspectors = ProtocolInspectors.load(Thread.currentThread().getContextClassLoader());
    this.transport = transport;
    this.group = transport.newGroup(options.ioThreads());
    this.acceptors = transport.newGroup(1);
  }

  /** Starts an engine; use {@link ProxyEngine#start(EngineOptions)}. */
  public static ProxyEngine start(EngineOptions options) {
    return start(options, TransportChoice.current());
  }

  /** Starts an engine on the given transport instead of this JVM's choice (tests compare transports). */
  static DefaultProxyEngine start(EngineOptions options, Transport transport) {
    DefaultProxyEngine engine = new DefaultProxyEngine(options, transport);
    LOG.info("proxy engine started: seed {}, {} transport, protocols {}", options.seed(), transport.propertyValue(),
        engine.protocols());
    return engine;
  }

  @Override
  public synchronized Proxy create(ProxySpec spec) {
    checkOpen();
    if (proxies.containsKey(spec.name())) {
      throw new NameConflictException("proxy [" + spec.name() + "] already exists");
    }
    DefaultProxy proxy = new DefaultProxy(spec, this, inspectors.resolve(spec.name(), spec.protocol()).orElse(null));
    proxy.open();
    proxies.put(spec.name(), proxy);
    return proxy;
  }

  @Override
  public synchronized Optional<Proxy> proxy(String name) {
    return Optional.ofNullable(proxies.get(name));
  }

  @Override
  public synchronized List<Proxy> proxies() {
    return List.copyOf(proxies.values());
  }

  @Override
  public synchronized void remove(String name) {
    DefaultProxy proxy = proxies.remove(name);
    if (proxy == null) {
      throw new NoSuchElementException("proxy [" + name + "] not found; proxies: " + proxies.keySet());
    }
    proxy.shutdown();
  }

  @Override
  public synchronized void reset() {
    RuntimeException failure = null;
    for (DefaultProxy proxy : proxies.values()) {
      try {
        proxy.reset();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public synchronized void reset(long seed) {
    settle();
    this.seed = seed;
    reset();
  }

  /**
   * A task on every event loop that schedules a second one, which runs only after the loop went through
   * its I/O again (a loop fetches scheduled tasks once per round, after the I/O it found ready), even when
   * the loop was busy with other tasks when asked.
   */
  @Override
  public void settle() {
    List<Future<?>> rounds = new ArrayList<>();
    for (EventExecutor loop : group) {
      if (!loop.inEventLoop()) {
        Promise<Void> done = loop.newPromise();
        loop.execute(() -> loop.schedule(() -> done.setSuccess(null), 0, TimeUnit.NANOSECONDS));
        rounds.add(done);
      }
    }
    rounds.forEach(round -> round.awaitUninterruptibly(1, TimeUnit.SECONDS));
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public Set<String> protocols() {
    return inspectors.names();
  }

  @Override
  public EventStream events() {
    return events;
  }

  @Override
  public void close() {
    List<DefaultProxy> open;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      open = new ArrayList<>(proxies.values());
      proxies.clear();
    }
    open.forEach(DefaultProxy::shutdown);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    LOG.info("proxy engine closed");
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the proxy engine is closed; start a new one");
    }
  }

  Transport transport() { return transport; }
  EventLoopGroup group() { return group; }
  /** The loop of every server channel, apart from the connections' loops (see {@link Listener}). */
  EventLoopGroup acceptors() { return acceptors; }
  String bindHost() { return options.bindHost(); }
  int connectTimeoutMillis() { return (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()); }
  void publish(ProxyEvent event) { events.publish(event); }
}
