package dev.chaosjunit.proxy.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.SocketAddress;
import org.apiguardian.api.API;

/**
 * What an inspector may know about the connection it inspects.
 *
 * @param proxyName the proxy's name
 * @param connectionId a number unique per proxy, assigned in accept order starting at 1
 * @param client the client's address
 * @param upstream the upstream server's address
 * @param local the proxy's address the client connected to (the accepted socket's local address), which
 *     protocols that advertise server addresses (Kafka) hand out instead of the server's; null if unknown
 * @param routes the proxy's {@link Routes}, through which a protocol that advertises several servers
 *     (Kafka brokers) gets one proxy address per server; null when the engine offers none
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ConnectionInfo(
    String proxyName, long connectionId, SocketAddress client, SocketAddress upstream, SocketAddress local,
    Routes routes) {

  /** Connection facts without routes. */
  public ConnectionInfo(
      String proxyName, long connectionId, SocketAddress client, SocketAddress upstream, SocketAddress local) {
    this(proxyName, connectionId, client, upstream, local, null);
  }

  /** Connection facts without the proxy's local address nor routes. */
  public ConnectionInfo(String proxyName, long connectionId, SocketAddress client, SocketAddress upstream) {
    this(proxyName, connectionId, client, upstream, null, null);
  }
}
