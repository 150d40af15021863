package dev.chaosjunit.proxy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/** The engine's events: subscribe to them, or look at the most recent ones. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface EventStream {

  /**
   * Calls {@code listener} for every event from now on, on the engine's threads (it must be quick and
   * thread-safe; its exceptions are logged). It must not call engine methods that bind or unbind a port
   * ({@code create}, {@code remove}, {@code enable}, {@code disable}, {@code setListen}, {@code close})
   * on that thread: hand those to another one. Close the returned handle to unsubscribe.
   */
  AutoCloseable subscribe(Consumer<? super ProxyEvent> listener);

  /** The most recent events (up to 10,000), oldest first. */
  List<ProxyEvent> recent();
}
