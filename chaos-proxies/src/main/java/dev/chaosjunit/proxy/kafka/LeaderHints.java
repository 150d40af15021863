package dev.chaosjunit.proxy.kafka;

import java.net.InetSocketAddress;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ShareAcknowledgeResponseData;
import org.apache.kafka.common.message.ShareFetchResponseData;
import org.apache.kafka.common.protocol.ApiMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader hints of KIP-951 (and KIP-932 for share groups): when a partition's leader moved, Produce
 * (v10+), Fetch (v16+), ShareFetch and ShareAcknowledge responses name the new leader's endpoint, and
 * the Java client connects there without a Metadata round trip. The endpoints are replaced by the
 * proxy's, so the client stays on the proxy. Brokers send them only on a leader change, so most
 * responses carry none and are relayed as they came.
 */
final class LeaderHints {

  private static final Logger LOG = LoggerFactory.getLogger(LeaderHints.class);

  private final BrokerAddresses addresses;

  LeaderHints(BrokerAddresses addresses) {
    this.addresses = addresses;
  }

  private InetSocketAddress advertised(int nodeId, String host, int port) {
    InetSocketAddress to = addresses.advertised(nodeId, host, port);
    LOG.debug("leader hint: node {} at {}:{} advertised as {}", nodeId, host, port, to);
    return to;
  }

  /** Rewrites the node endpoints of {@code body}; false when it has none (nothing to re-encode). */
  boolean rewrite(ApiMessage body) {
    if (body instanceof ProduceResponseData produce) {
      return produce(produce.nodeEndpoints());
    } else if (body instanceof FetchResponseData fetch) {
      return fetch(fetch.nodeEndpoints());
    } else if (body instanceof ShareFetchResponseData share) {
      return shareFetch(share.nodeEndpoints());
    } else if (body instanceof ShareAcknowledgeResponseData ack) {
      return shareAcknowledge(ack.nodeEndpoints());
    }
    return false;
  }

  private boolean produce(ProduceResponseData.NodeEndpointCollection endpoints) {
    for (ProduceResponseData.NodeEndpoint e : endpoints) {
      InetSocketAddress to = advertised(e.nodeId(), e.host(), e.port());
      e.setHost(to.getHostString()).setPort(to.getPort());
    }
    return !endpoints.isEmpty();
  }

  private boolean fetch(FetchResponseData.NodeEndpointCollection endpoints) {
    for (FetchResponseData.NodeEndpoint e : endpoints) {
      InetSocketAddress to = advertised(e.nodeId(), e.host(), e.port());
      e.setHost(to.getHostString()).setPort(to.getPort());
    }
    return !endpoints.isEmpty();
  }

  private boolean shareFetch(ShareFetchResponseData.NodeEndpointCollection endpoints) {
    for (ShareFetchResponseData.NodeEndpoint e : endpoints) {
      InetSocketAddress to = advertised(e.nodeId(), e.host(), e.port());
      e.setHost(to.getHostString()).setPort(to.getPort());
    }
    return !endpoints.isEmpty();
  }

  private boolean shareAcknowledge(ShareAcknowledgeResponseData.NodeEndpointCollection endpoints) {
    for (ShareAcknowledgeResponseData.NodeEndpoint e : endpoints) {
      InetSocketAddress to = advertised(e.nodeId(), e.host(), e.port());
      e.setHost(to.getHostString()).setPort(to.getPort());
    }
    return !endpoints.isEmpty();
  }
}
