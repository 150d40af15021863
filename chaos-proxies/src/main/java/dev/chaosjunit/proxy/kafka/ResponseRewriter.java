package dev.chaosjunit.proxy.kafka;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.apache.kafka.common.message.DescribeClusterResponseData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ResponseHeader;

/**
 * Rewrites the broker addresses in Metadata, FindCoordinator and DescribeCluster responses and the
 * leader hints of Produce/Fetch/ShareFetch/ShareAcknowledge responses to the proxy's, so that a client
 * bootstrapped through the proxy never connects to a broker directly, and learns topic ids from
 * Metadata responses on the way. A response with nothing to rewrite is relayed as it came.
 */
final class ResponseRewriter {

  private static final byte BROKER_ENDPOINTS = 1;

  private final BrokerAddresses addresses;
  private final TopicNames topicNames;
  private final LeaderHints leaderHints;

  ResponseRewriter(BrokerAddresses addresses, TopicNames topicNames) {
    this.addresses = addresses;
    this.topicNames = topicNames;
    this.leaderHints = new LeaderHints(addresses);
  }

  /**
   * The rewritten frame (the given one is then released), or the given one when it has nothing to
   * rewrite. When it cannot be decoded, or not encoded again, it is left to the caller and a {@link
   * KafkaDecodeException} thrown.
   */
  ByteBuf rewrite(ByteBuf frame, RequestKind kind, ByteBufAllocator alloc) {
    if (withoutTaggedFields(frame, kind)) {
      return frame;
    }
    ApiMessage body;
    ResponseHeader header;
    try {
      ByteBuffer payload = KafkaWire.payload(frame);
      header = ResponseHeader.parse(payload, kind.responseHeaderVersion());
      body = AbstractResponse.parseResponse(kind.api(), new ByteBufferAccessor(payload), kind.version()).data();
    } catch (RuntimeException e) {
      throw new KafkaDecodeException("undecodable " + kind.api() + " v" + kind.version() + " response: "
          + e.getMessage(), e);
    }
    if (!rewrite(body)) {
      return frame;
    }
    ByteBuf rewritten;
    try {
      rewritten = KafkaWire.response(header, body, kind.version(), alloc);
    } catch (RuntimeException e) {
      throw new KafkaDecodeException("cannot encode the rewritten " + kind.api() + " v" + kind.version()
          + " response again (kafka-clients refuses what it decoded): " + e.getMessage(), e);
    }
    frame.release();
    return rewritten;
  }

  /** Whether a Fetch or Produce response is known, by walking it in place, to carry no leader hints. */
  private static boolean withoutTaggedFields(ByteBuf frame, RequestKind kind) {
    if (kind.api() == ApiKeys.FETCH && kind.version() <= FetchTail.LAST_KNOWN_VERSION) {
      return !FetchTail.hasTaggedFields(frame);
    }
    if (kind.api() == ApiKeys.PRODUCE && kind.version() <= ProduceTail.LAST_KNOWN_VERSION) {
      return !ProduceTail.hasTaggedFields(frame, kind.version());
    }
    return false;
  }

  /** Rewrites {@code body}; false when it has nothing to rewrite. */
  private boolean rewrite(ApiMessage body) {
    if (body instanceof MetadataResponseData metadata) {
      topicNames.learn(metadata);
      metadata.brokers().forEach(b -> {
        InetSocketAddress to = addresses.advertised(b.nodeId(), b.host(), b.port());
        b.setHost(to.getHostString()).setPort(to.getPort());
      });
      return true;
    } else if (body instanceof FindCoordinatorResponseData find) {
      rewrite(find);
      return true;
    } else if (body instanceof DescribeClusterResponseData cluster) {
      return rewrite(cluster);
    }
    return leaderHints.rewrite(body);
  }

  /** Brokers only: controllers (endpoint type 2, KIP-919) are not proxied and keep their addresses. */
  private boolean rewrite(DescribeClusterResponseData cluster) {
    if (cluster.endpointType() != BROKER_ENDPOINTS) {
      return false;
    }
    cluster.brokers().forEach(b -> {
      InetSocketAddress to = addresses.advertised(b.brokerId(), b.host(), b.port());
      b.setHost(to.getHostString()).setPort(to.getPort());
    });
    return true;
  }

  private void rewrite(FindCoordinatorResponseData find) {
    if (find.nodeId() >= 0 && !find.host().isEmpty()) {
      InetSocketAddress to = addresses.advertised(find.nodeId(), find.host(), find.port());
      find.setHost(to.getHostString()).setPort(to.getPort());
    }
    for (FindCoordinatorResponseData.Coordinator c : find.coordinators()) {
      if (c.nodeId() >= 0 && !c.host().isEmpty()) {
        InetSocketAddress to = addresses.advertised(c.nodeId(), c.host(), c.port());
        c.setHost(to.getHostString()).setPort(to.getPort());
      }
    }
  }
}
