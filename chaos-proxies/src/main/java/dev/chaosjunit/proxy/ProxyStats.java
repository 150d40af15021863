package dev.chaosjunit.proxy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A proxy's traffic counters since it was created.
 *
 * @param connectionsAccepted client connections accepted
 * @param connectionsActive client connections open now
 * @param bytesUpstream bytes read from clients
 * @param bytesDownstream bytes read from the upstream
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ProxyStats(long connectionsAccepted, long connectionsActive, long bytesUpstream, long bytesDownstream) {}
