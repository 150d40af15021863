package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.proxy.rule.Glob;
import dev.chaosjunit.fault.Rule;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ProduceRequest;
import org.apache.kafka.common.requests.ProduceResponse;
import org.apache.kafka.common.requests.RequestUtils;
import org.apache.kafka.common.requests.ResponseHeader;

/**
 * An ERROR rule on some topics of a produce request that also carries others (a producer batches all
 * partitions led by one broker into one request): the broker gets the other topics, and the error for
 * the matched ones is merged into its response, so only the matched topic-partitions fail.
 */
final class ProduceSplit {

  final ByteBuf forward;
  final UnaryOperator<ByteBuf> mergeErrors;

  private ProduceSplit(ByteBuf forward, UnaryOperator<ByteBuf> mergeErrors) {
    this.forward = forward;
    this.mergeErrors = mergeErrors;
  }

  /** The split, if {@code rule} matches some but not all topics of a produce request. */
  static Optional<ProduceSplit> of(KafkaRequest request, Rule rule, TopicNames names, ByteBufAllocator alloc) {
    String pattern = rule.match().get("topic");
    if (pattern == null || request.kind.api() != org.apache.kafka.common.protocol.ApiKeys.PRODUCE) {
      return Optional.empty();
    }
    Glob glob = KafkaGlobs.compile("topic", pattern);
    Predicate<ProduceRequestData.TopicProduceData> hit = t -> glob.matches(names.name(t.name(), t.topicId()));
    ProduceRequestData data = ((ProduceRequest) request.body()).data();
    ProduceRequestData kept = subset(data, hit.negate());
    ProduceRequestData failed = subset(data, hit);
    if (kept.topicData().isEmpty() || failed.topicData().isEmpty()) {
      return Optional.empty();
    }
    ProduceResponse errors = new ProduceRequest(failed, request.kind.version()).getErrorResponse(0, cause(rule.action()));
    UnaryOperator<ByteBuf> merge = errors == null
        ? UnaryOperator.identity()
        : response -> merge(response, errors.data(), request.kind, alloc);
    ByteBuf forward = frame(RequestUtils.serialize(request.header.data(), request.header.headerVersion(), kept,
        request.kind.version()), alloc);
    return Optional.of(new ProduceSplit(forward, merge));
  }

  private static ProduceRequestData subset(ProduceRequestData data, Predicate<ProduceRequestData.TopicProduceData> keep) {
    ProduceRequestData.TopicProduceDataCollection topics = new ProduceRequestData.TopicProduceDataCollection();
    data.topicData().stream().filter(keep).forEach(t -> topics.add(t.duplicate()));
    return new ProduceRequestData().setAcks(data.acks()).setTimeoutMs(data.timeoutMs())
        .setTransactionalId(data.transactionalId()).setTopicData(topics);
  }

  private static Throwable cause(Action action) {
    return ErrorResponses.cause((Action.Error) action);
  }

  private static ByteBuf merge(ByteBuf response, ProduceResponseData errors, RequestKind kind, ByteBufAllocator alloc) {
    ResponseHeader header;
    ProduceResponseData body;
    try {
      ByteBuffer payload = KafkaWire.payload(response);
      header = ResponseHeader.parse(payload, kind.responseHeaderVersion());
      body = new ProduceResponseData(new ByteBufferAccessor(payload), kind.version());
    } catch (RuntimeException e) {
      throw new KafkaDecodeException("undecodable PRODUCE v" + kind.version() + " response: " + e.getMessage(), e);
    }
    response.release();
    errors.responses().forEach(t -> body.responses().add(t.duplicate()));
    return KafkaWire.response(header, body, kind.version(), alloc);
  }

  private static ByteBuf frame(ByteBuffer payload, ByteBufAllocator alloc) {
    ByteBuf frame = alloc.buffer(4 + payload.remaining());
    return frame.writeInt(payload.remaining()).writeBytes(payload);
  }
}
