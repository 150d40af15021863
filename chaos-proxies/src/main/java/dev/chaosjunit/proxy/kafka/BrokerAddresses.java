package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import java.net.InetSocketAddress;
import org.slf4j.LoggerFactory;

/**
 * Where clients must connect to reach a broker through the proxy: the address the proxy advertises
 * in place of a broker's own, in Metadata, FindCoordinator and DescribeCluster responses.
 */
@FunctionalInterface
interface BrokerAddresses {

  /** The proxy address for broker {@code nodeId}, which the cluster advertises as {@code host:port}. */
  InetSocketAddress advertised(int nodeId, String host, int port);

  /**
   * The addresses for one connection: every broker maps to the proxy address the client connected to
   * (one listener in front of a single-broker cluster). When the engine does not say which address that
   * is, addresses stay as the brokers advertise them and clients may leave the proxy.
   */
  static BrokerAddresses of(ConnectionInfo connection) {
    if (connection.local() instanceof InetSocketAddress local) {
      return single(local);
    }
    LoggerFactory.getLogger(BrokerAddresses.class).warn("proxy [{}] does not know its own address:"
        + " broker addresses are not rewritten, Kafka clients may connect to brokers directly", connection.proxyName());
    return (nodeId, host, port) -> InetSocketAddress.createUnresolved(host, port);
  }

  /** One proxy listener for a single-broker cluster: every broker maps to it. */
  static BrokerAddresses single(InetSocketAddress listener) {
    return (nodeId, host, port) -> listener;
  }
}
