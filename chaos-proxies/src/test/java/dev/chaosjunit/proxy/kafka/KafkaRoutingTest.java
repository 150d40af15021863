package dev.chaosjunit.proxy.kafka;

import static dev.chaosjunit.proxy.kafka.KafkaFrames.header;
import static dev.chaosjunit.proxy.kafka.KafkaFrames.request;
import static dev.chaosjunit.proxy.kafka.KafkaFrames.response;
import static dev.chaosjunit.proxy.kafka.KafkaRequests.produce;
import static dev.chaosjunit.proxy.kafka.KafkaRequests.produced;
import static dev.chaosjunit.proxy.kafka.KafkaSessionTest.error;
import static dev.chaosjunit.proxy.kafka.KafkaSessionTest.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.ProxyListenException;
import dev.chaosjunit.proxy.protocol.Routes;
import dev.chaosjunit.proxy.testkit.RecordingPort;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ShareAcknowledgeRequestData;
import org.apache.kafka.common.message.ShareAcknowledgeResponseData;
import org.apache.kafka.common.message.ShareFetchRequestData;
import org.apache.kafka.common.message.ShareFetchResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.requests.FetchResponse;
import org.apache.kafka.common.requests.MetadataResponse;
import org.apache.kafka.common.requests.ProduceResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.ShareAcknowledgeResponse;
import org.apache.kafka.common.requests.ShareFetchResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One proxy route per broker, leader hints (KIP-951) and errors on some topics of a fetch, with
 * kafka-clients' own generated messages. The routes are a recording stand-in for the engine's (those
 * are tested on real sockets in {@code RoutesTest} and against a real cluster in the acceptance test).
 */
class KafkaRoutingTest {

  private final List<String> routed = new ArrayList<>();
  private final Routes routes = (key, ordinal, host, port) -> {
    routed.add(key + " " + ordinal + " " + host + ":" + port);
    return InetSocketAddress.createUnresolved("127.0.0.1", 30_000 + ordinal);
  };
  private final KafkaSession session = (KafkaSession) new KafkaSessions().open(BrokerAddresses.routed(routes));
  private final RecordingPort port = new RecordingPort(new KafkaInspector());

  @AfterEach
  void close() {
    session.onClose();
  }

  @Test
  void givesEveryBrokerOfAMetadataResponseItsOwnRoute() {
    RequestHeader header = header(ApiKeys.METADATA, (short) 12, 1);
    session.onClientData(buf(request(header, new MetadataRequestData().setTopics(null))), port);
    session.onServerData(buf(response(header, twoBrokers())), port);

    MetadataResponse answer = (MetadataResponse) KafkaFrames.parse(single(port.takeClientBytes()), header);
    assertThat(answer.data().brokers()).extracting(b -> b.nodeId(), b -> b.host(), b -> b.port())
        .containsExactly(tuple(1, "127.0.0.1", 30_001), tuple(2, "127.0.0.1", 30_002));
    assertThat(routed).containsExactly("broker-1 1 kafka-1:9092", "broker-2 2 kafka-2:9093");
  }

  @Test
  void rewritesTheNewLeadersEndpointInAProduceResponse() {
    RequestHeader header = header(ApiKeys.PRODUCE, (short) 11, 4);
    session.onClientData(buf(request(header, produce("orders", null, (short) 1))), port);
    ProduceResponseData moved = produced("orders", null, -1);
    moved.responses().iterator().next().partitionResponses().get(0).setErrorCode(Errors.NOT_LEADER_OR_FOLLOWER.code())
        .setCurrentLeader(new ProduceResponseData.LeaderIdAndEpoch().setLeaderId(2).setLeaderEpoch(5));
    moved.nodeEndpoints().add(new ProduceResponseData.NodeEndpoint().setNodeId(2).setHost("kafka-2").setPort(9093));
    session.onServerData(buf(response(header, moved)), port);

    ProduceResponse answer = (ProduceResponse) KafkaFrames.parse(single(port.takeClientBytes()), header);
    assertThat(answer.data().nodeEndpoints()).extracting(e -> e.nodeId(), e -> e.host(), e -> e.port())
        .containsExactly(tuple(2, "127.0.0.1", 30_002));
    assertThat(answer.data().responses().iterator().next().partitionResponses().get(0).currentLeader().leaderId())
        .isEqualTo(2);
  }

  @Test
  void relaysAProduceResponseWithoutLeaderHintsByteForByte() {
    RequestHeader header = header(ApiKeys.PRODUCE, (short) 12, 4);
    session.onClientData(buf(request(header, produce("orders", null, (short) 1))), port);
    byte[] plain = response(header, produced("orders", null, 7));
    session.onServerData(buf(plain), port);

    assertThat(port.takeClientBytes()).isEqualTo(plain);
    assertThat(routed).isEmpty();
  }

  @Test
  void rewritesTheNewLeadersEndpointInAFetchResponseAndKeepsItsRecords() {
    RequestHeader header = header(ApiKeys.FETCH, (short) 17, 6);
    session.onClientData(buf(request(header, fetch(17, "orders"))), port);
    FetchResponseData data = fetched(17, "orders");
    data.nodeEndpoints().add(new FetchResponseData.NodeEndpoint().setNodeId(3).setHost("kafka-3").setPort(9094));
    session.onServerData(buf(response(header, data)), port);

    FetchResponse answer = (FetchResponse) KafkaFrames.parse(single(port.takeClientBytes()), header);
    assertThat(answer.data().nodeEndpoints()).extracting(e -> e.host(), e -> e.port())
        .containsExactly(tuple("127.0.0.1", 30_003));
    assertThat(values(answer.data().responses().get(0).partitions().get(0))).containsExactly("orders-value");
  }

  @Test
  void relaysAFetchResponseWithoutLeaderHintsByteForByte() {
    RequestHeader header = header(ApiKeys.FETCH, (short) 17, 6);
    session.onClientData(buf(request(header, fetch(17, "orders"))), port);
    byte[] plain = response(header, fetched(17, "orders"));
    session.onServerData(buf(plain), port);

    assertThat(port.takeClientBytes()).isEqualTo(plain);
  }

  @Test
  void rewritesTheLeaderHintsOfShareFetchAndShareAcknowledgeResponses() {
    RequestHeader fetch = header(ApiKeys.SHARE_FETCH, ApiKeys.SHARE_FETCH.latestVersion(), 11);
    session.onClientData(buf(request(fetch, new ShareFetchRequestData().setGroupId("g").setMemberId("m"))), port);
    ShareFetchResponseData fetched = new ShareFetchResponseData();
    fetched.nodeEndpoints().add(new ShareFetchResponseData.NodeEndpoint().setNodeId(2).setHost("kafka-2").setPort(9093));
    session.onServerData(buf(response(fetch, fetched)), port);
    RequestHeader ack = header(ApiKeys.SHARE_ACKNOWLEDGE, ApiKeys.SHARE_ACKNOWLEDGE.latestVersion(), 12);
    session.onClientData(buf(request(ack, new ShareAcknowledgeRequestData().setGroupId("g").setMemberId("m"))), port);
    ShareAcknowledgeResponseData acked = new ShareAcknowledgeResponseData();
    acked.nodeEndpoints().add(new ShareAcknowledgeResponseData.NodeEndpoint().setNodeId(1).setHost("kafka-1").setPort(9092));
    session.onServerData(buf(response(ack, acked)), port);

    List<ByteBuffer> answers = KafkaFrames.split(port.takeClientBytes());
    ShareFetchResponse fetchAnswer = (ShareFetchResponse) KafkaFrames.parse(answers.get(0), fetch);
    ShareAcknowledgeResponse ackAnswer = (ShareAcknowledgeResponse) KafkaFrames.parse(answers.get(1), ack);
    assertThat(fetchAnswer.data().nodeEndpoints()).extracting(e -> e.port()).containsExactly(30_002);
    assertThat(ackAnswer.data().nodeEndpoints()).extracting(e -> e.port()).containsExactly(30_001);
    assertThat(routed).containsExactly("broker-2 2 kafka-2:9093", "broker-1 1 kafka-1:9092");
  }

  @Test
  void anErrorOnSomeTopicsOfAFetchForwardsItUnchangedAndReplacesOnlyTheirResults() {
    port.rule(rule(Direction.UPSTREAM, Map.of("topic", "orders"), error("NOT_LEADER_OR_FOLLOWER")));
    RequestHeader header = header(ApiKeys.FETCH, (short) 12, 8);
    byte[] request = request(header, fetch(12, "orders", "audit"));
    session.onClientData(buf(request), port);
    assertThat(port.takeServerBytes()).as("a fetch session's request is forwarded as it is").isEqualTo(request);

    session.onServerData(buf(response(header, fetched(12, "orders", "audit"))), port);

    FetchResponse answer = (FetchResponse) KafkaFrames.parse(single(port.takeClientBytes()), header);
    assertThat(answer.error()).isEqualTo(Errors.NONE);
    assertThat(answer.data().sessionId()).isEqualTo(77);
    assertThat(answer.data().responses()).extracting(t -> t.topic(), t -> t.partitions().get(0).errorCode(),
        t -> values(t.partitions().get(0)))
        .containsExactly(tuple("orders", Errors.NOT_LEADER_OR_FOLLOWER.code(), List.of()),
            tuple("audit", (short) 0, List.of("audit-value")));
  }

  @Test
  void anErrorOnAMatchedPartitionTheBrokerLeftOutIsAddedToTheResponse() {
    port.rule(rule(Direction.UPSTREAM, Map.of("topic", "orders"), error("NOT_LEADER_OR_FOLLOWER")));
    RequestHeader header = header(ApiKeys.FETCH, (short) 12, 8);
    session.onClientData(buf(request(header, fetch(12, "orders", "audit"))), port);
    session.onServerData(buf(response(header, fetched(12, "audit"))), port);

    FetchResponse answer = (FetchResponse) KafkaFrames.parse(single(port.takeClientBytes()), header);
    assertThat(answer.data().responses()).extracting(t -> t.topic(), t -> t.partitions().get(0).errorCode())
        .containsExactly(tuple("audit", (short) 0), tuple("orders", Errors.NOT_LEADER_OR_FOLLOWER.code()));
  }

  @Test
  void anIncrementalFetchThatNoLongerNamesTheTopicStillGetsTheErrorForItsSessionsPartitions() {
    RequestHeader full = header(ApiKeys.FETCH, (short) 12, 1);
    session.onClientData(buf(request(full, fetch(12, "orders", "audit").setSessionId(0).setSessionEpoch(0))), port);
    session.onServerData(buf(response(full, fetched(12, "orders", "audit"))), port);
    port.takeClientBytes();
    port.rule(rule(Direction.UPSTREAM, Map.of("topic", "orders"), error("NOT_LEADER_OR_FOLLOWER")));

    RequestHeader incremental = header(ApiKeys.FETCH, (short) 12, 2);
    byte[] request = request(incremental, fetch(12, "audit").setSessionEpoch(1));
    session.onClientData(buf(request), port);
    session.onServerData(buf(response(incremental, fetched(12, "orders", "audit"))), port);

    assertThat(port.requestFacts().get(1).get("topic")).containsExactly("audit", "orders");
    FetchResponse answer = (FetchResponse) KafkaFrames.parse(single(port.takeClientBytes()), incremental);
    assertThat(answer.data().responses()).extracting(t -> t.topic(), t -> t.partitions().get(0).errorCode())
        .containsExactly(tuple("orders", Errors.NOT_LEADER_OR_FOLLOWER.code()), tuple("audit", (short) 0));
  }

  @Test
  void aTopicForgottenByTheFetchSessionIsNoLongerMatched() {
    RequestHeader full = header(ApiKeys.FETCH, (short) 12, 1);
    session.onClientData(buf(request(full, fetch(12, "orders", "audit").setSessionEpoch(0))), port);
    FetchRequestData forget = fetch(12).setSessionEpoch(1);
    forget.forgottenTopicsData().add(new FetchRequestData.ForgottenTopic().setTopic("orders").setPartitions(List.of(0)));
    session.onClientData(buf(request(header(ApiKeys.FETCH, (short) 12, 2), forget)), port);

    assertThat(port.requestFacts()).extracting(f -> f.get("topic"))
        .containsExactly(List.of("orders", "audit"), List.of("audit"));
  }

  @Test
  void anErrorOnEveryTopicOfAFetchAnswersTheWholeFetch() {
    port.rule(rule(Direction.UPSTREAM, Map.of("topic", "orders"), error("NOT_LEADER_OR_FOLLOWER")));
    RequestHeader header = header(ApiKeys.FETCH, (short) 12, 9);
    session.onClientData(buf(request(header, fetch(12, "orders"))), port);

    assertThat(port.takeServerBytes()).isEmpty();
    FetchResponse answer = (FetchResponse) KafkaFrames.parse(single(port.takeClientBytes()), header);
    assertThat(answer.error()).isEqualTo(Errors.NOT_LEADER_OR_FOLLOWER);
  }

  @Test
  void closesTheConnectionWhenABrokerCannotBeRouted() {
    KafkaSession failing = (KafkaSession) new KafkaSessions().open(BrokerAddresses.routed((key, ordinal, host, p) -> {
      throw new ProxyListenException("route [" + key + "]: cannot listen", new IOException("in use"));
    }));
    RequestHeader header = header(ApiKeys.METADATA, (short) 12, 1);
    failing.onClientData(buf(request(header, new MetadataRequestData().setTopics(null))), port);
    failing.onServerData(buf(response(header, twoBrokers())), port);
    failing.onClose();

    assertThat(port.takeClientBytes()).as("no broker address leaks to the client").isEmpty();
    assertThat(port.closedHow()).isEqualTo("close");
  }

  private static MetadataResponseData twoBrokers() {
    MetadataResponseData data = KafkaRequests.metadata("kafka-1", 9092);
    data.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(2).setHost("kafka-2").setPort(9093));
    return data;
  }

  /** A fetch of partition 0 of each topic, by name (v12-) or by a made-up id (v13+). */
  static FetchRequestData fetch(int version, String... topics) {
    FetchRequestData data = new FetchRequestData().setReplicaId(-1).setMaxWaitMs(500).setSessionId(77).setSessionEpoch(3);
    for (String topic : topics) {
      data.topics().add(new FetchRequestData.FetchTopic().setTopic(version >= 13 ? "" : topic).setTopicId(id(version, topic))
          .setPartitions(List.of(new FetchRequestData.FetchPartition().setPartition(0).setFetchOffset(0))));
    }
    return data;
  }

  /** The broker's answer to {@link #fetch}: one record per topic, valued {@code <topic>-value}. */
  static FetchResponseData fetched(int version, String... topics) {
    FetchResponseData data = new FetchResponseData().setSessionId(77);
    for (String topic : topics) {
      MemoryRecords records = MemoryRecords.withRecords(Compression.NONE, new SimpleRecord((topic + "-value").getBytes()));
      data.responses().add(new FetchResponseData.FetchableTopicResponse().setTopic(version >= 13 ? "" : topic)
          .setTopicId(id(version, topic)).setPartitions(List.of(new FetchResponseData.PartitionData()
              .setPartitionIndex(0).setHighWatermark(1).setRecords(records))));
    }
    return data;
  }

  private static Uuid id(int version, String topic) {
    return version >= 13 ? new Uuid(topic.hashCode(), 1) : Uuid.ZERO_UUID;
  }

  private static List<String> values(FetchResponseData.PartitionData partition) {
    List<String> values = new ArrayList<>();
    FetchResponse.recordsOrFail(partition).records()
        .forEach(r -> values.add(new String(org.apache.kafka.common.utils.Utils.toArray(r.value()))));
    return values;
  }

  private static ByteBuf buf(byte[] bytes) {
    return Unpooled.wrappedBuffer(bytes);
  }

  private static ByteBuffer single(byte[] bytes) {
    List<ByteBuffer> frames = KafkaFrames.split(bytes);
    assertThat(frames).hasSize(1);
    return frames.get(0);
  }
}
