package dev.chaosjunit.junit.internal.backend;

import dev.chaosjunit.junit.CellEvent;
import dev.chaosjunit.junit.CellEvents;
import dev.chaosjunit.proxy.EventStream;
import dev.chaosjunit.proxy.ProxyEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's events of one cell, with what its primitives did, as {@link CellEvent}s in time order: times
 * since the cell began, connections numbered
 * within the cell by first appearance (a close of a connection the cell never used is {@code earlier}), at
 * most {@value #LIMIT} events (then one {@code events-dropped}).
 */
final class EngineRecording implements EventRecording {

  static final int LIMIT = 10_000;
  /** The connection number of a close of a connection that nothing else of the cell named (a previous cell's). */
  static final String EARLIER = "earlier";
  private static final Logger LOG = LoggerFactory.getLogger(EngineRecording.class);

  private final Instant start = Instant.now();
  private final List<ProxyEvent> events = new ArrayList<>();
  private final AutoCloseable subscription;
  private final Primitives primitives;
  private long dropped;

  EngineRecording(EventStream stream, Primitives primitives) {
    this.subscription = stream.subscribe(this::add);
    this.primitives = primitives;
  }

  private synchronized void add(ProxyEvent event) {
    if (events.size() < LIMIT) {
      events.add(event);
    } else {
      dropped++;
    }
  }

  @Override
  public CellEvents stop() {
    try {
      subscription.close();
    } catch (Exception e) {
      LOG.warn("could not unsubscribe a cell's event recording", e);
    }
    synchronized (this) {
      Map<String, Long> connections = new HashMap<>();
      List<CellEvent> cell = new ArrayList<>();
      for (ProxyEvent event : events) {
        cell.add(translate(event, connections));
      }
      if (dropped > 0) {
        cell.add(new CellEvent(Duration.between(start, Instant.now()), "events-dropped", "",
            Map.of("count", Long.toString(dropped))));
      }
      cell.addAll(primitives.events(start));
      cell.sort(Comparator.comparing(CellEvent::at));
      return CellEvents.of(cell);
    }
  }

  private CellEvent translate(ProxyEvent event, Map<String, Long> connections) {
    Map<String, String> a = new LinkedHashMap<>();
    String kind;
    if (event instanceof ProxyEvent.FaultAdded e) {
      fault(a, e.name(), e.kind()).put("description", e.description());
      kind = CellEvent.FAULT_APPLIED;
    } else if (event instanceof ProxyEvent.FaultRemoved e) {
      fault(a, e.name(), e.kind());
      kind = CellEvent.FAULT_REVERTED;
    } else if (event instanceof ProxyEvent.FaultFired e) {
      fault(a, e.name(), e.kind()).put("action", e.action());
      if (!e.matched().isEmpty()) {
        a.put("matched", e.matched());
      }
      a.put("firing", Long.toString(e.firing()));
      connection(a, e.proxy(), e.connectionId(), connections);
      kind = CellEvent.FAULT_FIRED;
    } else if (event instanceof ProxyEvent.FaultDrew e) {
      fault(a, e.name(), e.kind()).put("draw", e.draw());
      a.put("ordinal", Long.toString(e.ordinal()));
      a.put("value", value(e.value()));
      connection(a, e.proxy(), e.connectionId(), connections);
      kind = CellEvent.FAULT_DREW;
    } else if (event instanceof ProxyEvent.ConnectionOpened e) {
      connection(a, e.proxy(), e.connectionId(), connections);
      kind = CellEvent.CONNECTION_OPENED;
    } else if (event instanceof ProxyEvent.ConnectionClosed e) {
      if (connections.containsKey(e.proxy() + "#" + e.connectionId())) {
        connection(a, e.proxy(), e.connectionId(), connections);
      } else {
        a.put("connection", EARLIER);
      }
      a.put("bytes-upstream", Long.toString(e.bytesUpstream()));
      a.put("bytes-downstream", Long.toString(e.bytesDownstream()));
      kind = CellEvent.CONNECTION_CLOSED;
    } else if (event instanceof ProxyEvent.UpstreamUnreachable e) {
      connection(a, e.proxy(), e.connectionId(), connections);
      a.put("reason", e.reason());
      kind = CellEvent.UPSTREAM_UNREACHABLE;
    } else {
      kind = ((ProxyEvent.ProxyStateChanged) event).enabled() ? CellEvent.PROXY_ENABLED : CellEvent.PROXY_DISABLED;
    }
    return new CellEvent(Duration.between(start, event.time()), kind, event.proxy(), a);
  }

  private static Map<String, String> fault(Map<String, String> a, String name, ProxyEvent.FaultKind kind) {
    a.put("fault", name);
    a.put("type", kind.name().toLowerCase(Locale.ROOT));
    return a;
  }

  /** Numbers the connection within the cell, by first appearance per proxy. */
  private static void connection(Map<String, String> a, String proxy, long id, Map<String, Long> numbers) {
    String key = proxy + "#" + id;
    Long n = numbers.get(key);
    if (n == null) {
      n = numbers.keySet().stream().filter(k -> k.startsWith(proxy + "#")).count() + 1;
      numbers.put(key, n);
    }
    a.put("connection", Long.toString(n));
  }

  /** Whole numbers without a fraction (jitter, slice sizes), draws in [0, 1) as they are. */
  private static String value(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
