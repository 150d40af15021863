package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.fault.Action;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.requests.ProduceRequest;
import org.apache.kafka.common.requests.ProduceResponse;
import org.apache.kafka.common.requests.RequestUtils;
import org.apache.kafka.common.requests.ResponseHeader;

/**
 * A produce request of which some topic-partitions fail (a rule's ERROR on some of its topics, or
 * partitions held by {@link PartitionHolds}): the broker gets the others, and the errors of the failed
 * ones are merged into its response; when every partition fails, the proxy answers alone.
 */
final class ProduceSplit {

  /** The request to forward, or null when every partition fails. */
  final ByteBuf forward;
  /** Merges the errors into the broker's response to {@link #forward}. */
  final UnaryOperator<ByteBuf> mergeErrors;
  /** The errors alone, as a response body: the answer when nothing is forwarded (null for acks=0). */
  final ProduceResponseData errors;

  private ProduceSplit(ByteBuf forward, UnaryOperator<ByteBuf> mergeErrors, ProduceResponseData errors) {
    this.forward = forward;
    this.mergeErrors = mergeErrors;
    this.errors = errors;
  }

  /** The split of {@code request} when the partitions in {@code failing} fail with their errors. */
  static ProduceSplit of(KafkaRequest request, Map<PartitionHolds.Key, Action.Error> failing, ByteBufAllocator alloc) {
    ProduceRequestData data = ((ProduceRequest) request.body()).data();
    ProduceRequestData kept = empty(data);
    Map<Action.Error, ProduceRequestData> failed = new LinkedHashMap<>();
    for (ProduceRequestData.TopicProduceData topic : data.topicData()) {
      for (ProduceRequestData.PartitionProduceData partition : topic.partitionData()) {
        Action.Error error = failing.get(PartitionHolds.Key.of(topic.name(), topic.topicId(), partition.index()));
        add(error == null ? kept : failed.computeIfAbsent(error, e -> empty(data)), topic, partition);
      }
    }
    ProduceResponseData errors = errors(failed, request.kind.version());
    if (kept.topicData().isEmpty()) {
      return new ProduceSplit(null, UnaryOperator.identity(), errors);
    }
    UnaryOperator<ByteBuf> merge = errors == null
        ? UnaryOperator.identity()
        : response -> merge(response, errors, request.kind, alloc);
    ByteBuf forward = frame(RequestUtils.serialize(request.header.data(), request.header.headerVersion(), kept,
        request.kind.version()), alloc);
    return new ProduceSplit(forward, merge, errors);
  }

  /** The response frame answering the whole request with the errors, if the request gets a response. */
  Optional<ByteBuf> answer(KafkaRequest request, ByteBufAllocator alloc) {
    if (errors == null) {
      return Optional.empty();
    }
    return Optional.of(KafkaWire.response(request.header.toResponseHeader(), errors, request.kind.version(), alloc));
  }

  private static ProduceRequestData empty(ProduceRequestData data) {
    return new ProduceRequestData().setAcks(data.acks()).setTimeoutMs(data.timeoutMs())
        .setTransactionalId(data.transactionalId());
  }

  private static void add(ProduceRequestData into, ProduceRequestData.TopicProduceData topic,
      ProduceRequestData.PartitionProduceData partition) {
    ProduceRequestData.TopicProduceData copy = into.topicData().find(topic.name(), topic.topicId());
    if (copy == null) {
      copy = new ProduceRequestData.TopicProduceData().setName(topic.name()).setTopicId(topic.topicId())
          .setPartitionData(new ArrayList<>());
      into.topicData().add(copy);
    }
    copy.partitionData().add(partition.duplicate());
  }

  /** The broker's error response for each group of failed partitions, in one body; null for acks=0. */
  private static ProduceResponseData errors(Map<Action.Error, ProduceRequestData> failed, short version) {
    ProduceResponseData all = null;
    for (Map.Entry<Action.Error, ProduceRequestData> group : failed.entrySet()) {
      ProduceResponse response = new ProduceRequest(group.getValue(), version)
          .getErrorResponse(0, ErrorResponses.cause(group.getKey()));
      if (response == null) {
        return null;
      }
      if (all == null) {
        all = response.data();
      } else {
        for (ProduceResponseData.TopicProduceResponse topic : response.data().responses()) {
          mergeTopic(all, topic.duplicate());
        }
      }
    }
    return all;
  }

  private static void mergeTopic(ProduceResponseData into, ProduceResponseData.TopicProduceResponse topic) {
    ProduceResponseData.TopicProduceResponse existing = into.responses().find(topic.name(), topic.topicId());
    if (existing == null) {
      into.responses().add(topic);
    } else {
      existing.partitionResponses().addAll(topic.partitionResponses());
    }
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
    errors.responses().forEach(t -> mergeTopic(body, t.duplicate()));
    return KafkaWire.response(header, body, kind.version(), alloc);
  }

  private static ByteBuf frame(ByteBuffer payload, ByteBufAllocator alloc) {
    ByteBuf frame = alloc.buffer(4 + payload.remaining());
    return frame.writeInt(payload.remaining()).writeBytes(payload);
  }
}
