package dev.chaosjunit.junit.internal.backend;

import dev.chaosjunit.proxy.ProxyEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The connection events of the engine's proxies since the last clear: what tells that a client lost
 * its connection to a service, and that it reached the service again.
 */
final class ConnectionWatch implements Consumer<ProxyEvent> {

  private final Queue<ProxyEvent> events = new ConcurrentLinkedQueue<>();

  @Override
  public void accept(ProxyEvent event) {
    if (event instanceof ProxyEvent.ConnectionOpened || lost(event)) {
      events.add(event);
    }
  }

  void clear() {
    events.clear();
  }

  /** When a connection through {@code proxy} was first lost (closed, or the service unreachable) from {@code since} on. */
  Optional<Instant> firstLost(String proxy, Instant since) {
    return first(proxy, since, true);
  }

  /** When a connection through {@code proxy} first reached the service after {@code after}. */
  Optional<Instant> firstOpened(String proxy, Instant after) {
    return first(proxy, after.plusNanos(1), false);
  }

  /** When a connection from one of {@code clients} (IP literals) through {@code proxy} first reached the service after {@code after}. */
  Optional<Instant> firstOpened(String proxy, Instant after, Set<String> clients) {
    return events.stream().filter(e -> at(e, proxy, after.plusNanos(1))
            && e instanceof ProxyEvent.ConnectionOpened opened && clients.contains(host(opened.client())))
        .map(ProxyEvent::time).min(Comparator.naturalOrder());
  }

  /** {@code 172.17.0.4} of a client address as events give it, e.g. {@code /172.17.0.4:57424}. */
  private static String host(String client) {
    String address = client.substring(client.indexOf('/') + 1);
    return address.substring(0, Math.max(0, address.lastIndexOf(':'))).replace("[", "").replace("]", "");
  }

  /** {@code 2 lost, 0 opened}: what was seen for {@code proxy} from {@code since} on. */
  String summary(String proxy, Instant since) {
    long lost = events.stream().filter(e -> at(e, proxy, since) && lost(e)).count();
    long opened = events.stream().filter(e -> at(e, proxy, since) && !lost(e)).count();
    return lost + " connections lost, " + opened + " opened";
  }

  private Optional<Instant> first(String proxy, Instant since, boolean lost) {
    return events.stream().filter(e -> at(e, proxy, since) && lost(e) == lost).map(ProxyEvent::time)
        .min(Comparator.naturalOrder());
  }

  private static boolean at(ProxyEvent event, String proxy, Instant since) {
    return event.proxy().equals(proxy) && !event.time().isBefore(since);
  }

  private static boolean lost(ProxyEvent event) {
    return event instanceof ProxyEvent.ConnectionClosed || event instanceof ProxyEvent.UpstreamUnreachable;
  }
}
