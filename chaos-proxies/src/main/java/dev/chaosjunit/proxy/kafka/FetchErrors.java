package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.proxy.rule.Glob;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Rule;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.FetchRequest;
import org.apache.kafka.common.requests.FetchResponse;
import org.apache.kafka.common.requests.ResponseHeader;

/**
 * An ERROR rule on some topics of a fetch session that also has others. A fetch belongs to a fetch
 * session (KIP-227: the broker remembers the partitions, later fetches list only changes), so the
 * request must reach the broker unchanged; the broker's response then gets the error, without records, for every
 * partition of a matched topic, in place of its result (and for a matched partition of the request the
 * broker left out of an incremental response). The other partitions keep their records.
 */
final class FetchErrors {

  private final Glob glob;
  private final TopicNames names;
  private final Errors error;
  private final FetchRequestData request;
  private final RequestKind kind;
  private final ByteBufAllocator alloc;

  private FetchErrors(Glob glob, TopicNames names, Errors error, FetchRequestData request, RequestKind kind,
      ByteBufAllocator alloc) {
    this.glob = glob;
    this.names = names;
    this.error = error;
    this.request = request;
    this.kind = kind;
    this.alloc = alloc;
  }

  /**
   * The response transform, if {@code rule} matches some but not all topics of a fetch's session
   * ({@code sessionTopics}, see {@link FetchSessionTopics}).
   */
  static Optional<UnaryOperator<ByteBuf>> of(KafkaRequest request, Rule rule, TopicNames names,
      List<String> sessionTopics, ByteBufAllocator alloc) {
    String pattern = rule.match().get("topic");
    if (pattern == null || request.kind.api() != ApiKeys.FETCH) {
      return Optional.empty();
    }
    Glob glob = KafkaGlobs.compile("topic", pattern);
    FetchRequestData data = ((FetchRequest) request.body()).data();
    long matched = sessionTopics.stream().filter(glob::matches).count();
    if (matched == 0 || matched == sessionTopics.size()) {
      return Optional.empty();
    }
    FetchErrors errors = new FetchErrors(glob, names, ErrorResponses.error((Action.Error) rule.action()), data, request.kind, alloc);
    return Optional.of(errors::apply);
  }

  /** The broker's response (released) with the matched partitions' results replaced. */
  private ByteBuf apply(ByteBuf response) {
    ResponseHeader header;
    FetchResponseData body;
    try {
      ByteBuffer payload = KafkaWire.payload(response);
      header = ResponseHeader.parse(payload, kind.responseHeaderVersion());
      body = new FetchResponseData(new ByteBufferAccessor(payload), kind.version());
    } catch (RuntimeException e) {
      throw new KafkaDecodeException("undecodable FETCH v" + kind.version() + " response: " + e.getMessage(), e);
    }
    replace(body);
    ByteBuf replaced = KafkaWire.response(header, body, kind.version(), alloc);
    response.release();
    return replaced;
  }

  private void replace(FetchResponseData body) {
    Set<String> answered = new HashSet<>();
    for (FetchResponseData.FetchableTopicResponse topic : body.responses()) {
      String name = names.name(topic.topic(), topic.topicId());
      if (glob.matches(name)) {
        topic.partitions().replaceAll(p -> FetchResponse.partitionResponse(p.partitionIndex(), error));
        topic.partitions().forEach(p -> answered.add(name + "-" + p.partitionIndex()));
      }
    }
    for (FetchRequestData.FetchTopic topic : request.topics()) {
      String name = names.name(topic.topic(), topic.topicId());
      if (glob.matches(name)) {
        FetchResponseData.FetchableTopicResponse missing = new FetchResponseData.FetchableTopicResponse()
            .setTopic(topic.topic()).setTopicId(topic.topicId());
        topic.partitions().stream().filter(p -> !answered.contains(name + "-" + p.partition()))
            .forEach(p -> missing.partitions().add(FetchResponse.partitionResponse(p.partition(), error)));
        if (!missing.partitions().isEmpty()) {
          body.responses().add(missing);
        }
      }
    }
  }
}
