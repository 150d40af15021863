package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.proxy.EventStream;
import dev.chaosjunit.proxy.ProxyEvent;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers events to listeners and keeps the most recent ones. */
final class EventHub implements EventStream {

  private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
  private static final int KEPT = 10_000;

  private final List<Consumer<? super ProxyEvent>> listeners = new CopyOnWriteArrayList<>();
  private final ArrayDeque<ProxyEvent> recent = new ArrayDeque<>();

  @Override
  public AutoCloseable subscribe(Consumer<? super ProxyEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public List<ProxyEvent> recent() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }

  void publish(ProxyEvent event) {
    LOG.debug("{}", event);
    synchronized (recent) {
      if (recent.size() == KEPT) {
        recent.removeFirst();
      }
      recent.addLast(event);
    }
    for (Consumer<? super ProxyEvent> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        LOG.warn("event listener {} failed on {}", listener, event, e);
      }
    }
  }
}
