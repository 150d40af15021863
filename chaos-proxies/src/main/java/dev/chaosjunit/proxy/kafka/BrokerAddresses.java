package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.Routes;
import java.net.InetSocketAddress;
import org.slf4j.LoggerFactory;

/**
 * Where clients must connect to reach a broker through the proxy: the address the proxy advertises
 * in place of a broker's own, in Metadata, FindCoordinator and DescribeCluster responses and in the
 * leader hints of Produce, Fetch, ShareFetch and ShareAcknowledge responses.
 */
@FunctionalInterface
interface BrokerAddresses {

  /** The proxy address for broker {@code nodeId}, which the cluster advertises as {@code host:port}. */
  InetSocketAddress advertised(int nodeId, String host, int port);

  /**
   * The addresses for one connection: with the engine's {@link Routes}, one proxy listener per broker
   * (route {@code broker-<node id>}, ordinal = node id); else every broker maps to the proxy address the
   * client connected to (enough for a single broker); when the engine says neither, addresses stay as
   * the brokers advertise them and clients may leave the proxy.
   */
  static BrokerAddresses of(ConnectionInfo connection) {
    if (connection.routes() != null) {
      return routed(connection.routes());
    }
    if (connection.local() instanceof InetSocketAddress local) {
      return single(local);
    }
    LoggerFactory.getLogger(BrokerAddresses.class).warn("proxy [{}] does not know its own address:"
        + " broker addresses are not rewritten, Kafka clients may connect to brokers directly", connection.proxyName());
    return (nodeId, host, port) -> InetSocketAddress.createUnresolved(host, port);
  }

  /** One proxy route per broker. */
  static BrokerAddresses routed(Routes routes) {
    return (nodeId, host, port) -> routes.route("broker-" + nodeId, nodeId, host, port);
  }

  /** One proxy listener for a single-broker cluster: every broker maps to it. */
  static BrokerAddresses single(InetSocketAddress listener) {
    return (nodeId, host, port) -> listener;
  }
}
