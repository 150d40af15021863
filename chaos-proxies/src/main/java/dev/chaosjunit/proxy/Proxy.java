package dev.chaosjunit.proxy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.fault.Toxic;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One listener in front of one upstream. Thread-safe; every change (enable/disable, toxics, rules)
 * takes effect on live connections too. Unknown names throw {@link java.util.NoSuchElementException},
 * duplicates {@link NameConflictException}, bad specs {@link IllegalArgumentException}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Proxy {

  /** The proxy's name. */
  String name();

  /** The spec it was created with (listen port as requested, maybe 0). */
  ProxySpec spec();

  /** The address it listens on, with the actual port; a disabled proxy listens there again once enabled. */
  InetSocketAddress listenAddress();

  /** The upstream as "host:port". */
  String upstream();

  /** The protocol inspector's name, if any. */
  Optional<String> protocol();

  /** Whether it accepts connections. */
  boolean isEnabled();

  /** Accepts connections again on the same port. */
  void enable();

  /** Refuses new connections and closes the live ones (Toxiproxy's "down"). */
  void disable();

  /**
   * Moves the listener to {@code listen} ("host:port", port 0 = ephemeral), closing live connections,
   * as Toxiproxy's proxy update does.
   *
   * @throws ProxyListenException when the new address cannot be bound (the proxy is then disabled)
   */
  void setListen(String listen);

  /** Points the proxy at another upstream ("host:port"), closing live connections, as Toxiproxy does. */
  void setUpstream(String upstream);

  /**
   * The server behind this proxy moved to {@code upstream} ("host:port"), e.g. a restarted container published
   * at another port: as {@link #setUpstream}, and every route that led to an address the server had before
   * leads there too, also a route the server's own answers name by an old address later (a Kafka broker keeps
   * advertising the port it was started with).
   */
  void moveUpstream(String upstream);

  /** Adds a toxic at the end of its stream's chain; returns it normalised (default name, all attributes). */
  Toxic addToxic(Toxic toxic);

  /** Replaces the toxic of the same name (its type must stay); returns the new one. */
  Toxic updateToxic(Toxic toxic);

  /** Removes a toxic. */
  void removeToxic(String name);

  /** A toxic by name. */
  Optional<Toxic> toxic(String name);

  /** The toxics, in the order they were added. */
  List<Toxic> toxics();

  /** Counters of a toxic (also of one removed meanwhile, until another of that name is added). */
  FaultCounters toxicCounters(String name);

  /** Adds a protocol rule, validated by the proxy's inspector; a proxy without protocol refuses rules. */
  void addRule(Rule rule);

  /** Removes a rule. */
  void removeRule(String name);

  /** The rules, in the order they were added (also the order they are evaluated in). */
  List<Rule> rules();

  /** Counters of a rule (also of one removed meanwhile, until another of that name is added). */
  FaultCounters ruleCounters(String name);

  /**
   * What faults no longer in place left on the live connections, one line each (e.g. {@code connection 7:
   * blackholed by a drop rule}); empty when every live connection relays as if no fault had been applied.
   * Asks each connection's event loop (up to a second each): not to be called on an engine thread.
   */
  List<String> faultResidue();

  /** Traffic counters (the proxy's own listener and all its routes). */
  ProxyStats stats();

  /**
   * The extra listeners the protocol opened (e.g. one per Kafka broker), in the order they were opened;
   * empty for most protocols. They live as long as the proxy and follow its enabled state; moving the
   * proxy ({@link #setListen}) or its upstream leaves them where they are.
   */
  List<Route> routes();
}
