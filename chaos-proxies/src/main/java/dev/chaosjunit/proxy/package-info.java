/**
 * The proxy engine: a full-duplex TCP relay with Toxiproxy's L4 toxics and protocol rules.
 *
 * <p>Start a {@link dev.chaosjunit.proxy.ProxyEngine}, {@link dev.chaosjunit.proxy.ProxyEngine#create create}
 * proxies from {@link dev.chaosjunit.proxy.ProxySpec}s, then add {@link dev.chaosjunit.proxy.Toxic toxics}
 * and {@link dev.chaosjunit.proxy.rule.Rule rules}; every change applies to live connections.
 *
 * <p>Semantics, after Toxiproxy 2.x: each direction ({@code upstream} = client to server,
 * {@code downstream} = server to client) runs its chunks through the toxics of its stream in the order
 * they were added. A toxic's {@code toxicity} is drawn once per connection and stream from the run
 * seed, so a seed replays the same choices. {@code timeout} drops data and closes the connection
 * {@code timeout} ms after the last chunk (0 = never); removing it closes the connection, as
 * Toxiproxy's cleanup does. {@code reset_peer} drops data and resets the connection {@code timeout} ms
 * after the first chunk. {@code bandwidth} with rate 0 holds the data and keeps the connection open
 * until the toxic changes. A disabled proxy stops listening and closes its live connections.
 *
 * <p>One difference to Toxiproxy: a direction processes one chunk at a time (the next one is read
 * once the previous one is written, which gives backpressure), so a latency toxic delays each chunk
 * of a bulk stream in turn instead of pipelining them.
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.chaosjunit.proxy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
