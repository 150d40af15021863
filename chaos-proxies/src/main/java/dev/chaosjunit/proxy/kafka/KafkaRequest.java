package dev.chaosjunit.proxy.kafka;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.ProduceRequest;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * One decoded request frame: its header always, its body when the API carries match keys (topics,
 * groups) or when a rule needs it to build an error response. Does not own the frame.
 */
final class KafkaRequest {

  private static final Set<ApiKeys> WITH_MATCH_KEYS = EnumSet.of(
      ApiKeys.PRODUCE, ApiKeys.FETCH, ApiKeys.METADATA, ApiKeys.LIST_OFFSETS, ApiKeys.OFFSET_COMMIT,
      ApiKeys.OFFSET_FETCH, ApiKeys.FIND_COORDINATOR, ApiKeys.JOIN_GROUP, ApiKeys.SYNC_GROUP,
      ApiKeys.HEARTBEAT, ApiKeys.LEAVE_GROUP, ApiKeys.TXN_OFFSET_COMMIT, ApiKeys.DESCRIBE_GROUPS,
      ApiKeys.CONSUMER_GROUP_HEARTBEAT);

  final RequestHeader header;
  final RequestKind kind;
  private final ByteBuffer body;
  private AbstractRequest parsed;
  private ProduceTopics produce;

  private KafkaRequest(RequestHeader header, ByteBuffer body) {
    this.header = header;
    this.kind = new RequestKind(header.apiKey(), header.apiVersion());
    this.body = body;
  }

  /**
   * Decodes the header of {@code frame}, and its body when it carries match keys; of a produce only the
   * acks and topics, read in place ({@link ProduceTopics}), when its version is known.
   */
  static KafkaRequest decode(ByteBuf frame) {
    ByteBuffer payload = KafkaWire.payload(frame);
    KafkaRequest request = new KafkaRequest(KafkaWire.requestHeader(payload), payload);
    if (request.kind.api() == ApiKeys.PRODUCE && ProduceTopics.knows(request.kind.version())) {
      request.produce = ProduceTopics.read(frame, frame.readerIndex() + 4 + payload.position(), request.kind.version());
    } else if (WITH_MATCH_KEYS.contains(request.kind.api())) {
      request.body();
    }
    return request;
  }

  /** The parsed body, decoded on first use. */
  AbstractRequest body() {
    if (parsed == null) {
      try {
        parsed = AbstractRequest.parseRequest(kind.api(), kind.version(), new ByteBufferAccessor(body.duplicate()))
            .request;
      } catch (RuntimeException e) {
        throw new KafkaDecodeException("undecodable " + kind.api() + " v" + kind.version() + " request: "
            + e.getMessage(), e);
      }
    }
    return parsed;
  }

  /** The acks and topics of a produce read in place, else null. */
  ProduceTopics produceTopics() {
    return produce;
  }

  /** The parsed body if it was decoded, else null. */
  AbstractRequest bodyIfParsed() {
    return parsed;
  }

  int correlationId() {
    return header.correlationId();
  }

  /** False only for a produce with {@code acks=0}, which the broker never answers. */
  boolean expectsResponse() {
    if (kind.api() != ApiKeys.PRODUCE) {
      return true;
    }
    return (produce != null ? produce.acks : ((ProduceRequest) body()).acks()) != 0;
  }
}
