package dev.chaosjunit.proxy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.InetSocketAddress;
import org.apiguardian.api.API;

/**
 * An extra listener of a proxy that relays to one more upstream the protocol told its clients about
 * (e.g. one per Kafka broker: key {@code broker-2}). It shares the proxy's protocol, toxics, rules,
 * counters and events, and is enabled, disabled and removed with it. See
 * {@link dev.chaosjunit.proxy.protocol.Routes} for the port policy.
 *
 * @param key the route's name, e.g. {@code broker-2}
 * @param upstream where it relays to now, as "host:port"
 * @param listenAddress where it listens (the actual port)
 * @param connectionsAccepted connections accepted on this route since it was opened
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Route(String key, String upstream, InetSocketAddress listenAddress, long connectionsAccepted) {}
