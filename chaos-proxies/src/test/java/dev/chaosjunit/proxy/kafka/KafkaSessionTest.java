package dev.chaosjunit.proxy.kafka;

import static dev.chaosjunit.proxy.kafka.KafkaFrames.header;
import static dev.chaosjunit.proxy.kafka.KafkaFrames.request;
import static dev.chaosjunit.proxy.kafka.KafkaFrames.response;
import static dev.chaosjunit.proxy.kafka.KafkaRequests.ORDERS_ID;
import static dev.chaosjunit.proxy.kafka.KafkaRequests.PROXY;
import static dev.chaosjunit.proxy.kafka.KafkaRequests.metadata;
import static dev.chaosjunit.proxy.kafka.KafkaRequests.produce;
import static dev.chaosjunit.proxy.kafka.KafkaRequests.produced;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.testkit.RecordingPort;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.MetadataResponse;
import org.apache.kafka.common.requests.ProduceRequest;
import org.apache.kafka.common.requests.ProduceResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaSessionTest {

  private final KafkaSessions sessions = new KafkaSessions();
  private final KafkaSession session = (KafkaSession) sessions.open(BrokerAddresses.single(PROXY));
  private final RecordingPort port = new RecordingPort(new KafkaInspector());

  @AfterEach
  void close() {
    session.onClose();
  }

  @Test
  void relaysAProduceAndItsResponseFedOneByteAtATime() {
    RequestHeader header = header(ApiKeys.PRODUCE, (short) 12, 7);
    byte[] request = request(header, produce("orders", null, (short) 1));
    byte[] response = response(header, produced("orders", null, 42));

    port.client(session, request, 1);
    port.server(session, response, 1);

    assertThat(port.takeServerBytes()).isEqualTo(request);
    assertThat(port.takeClientBytes()).isEqualTo(response);
    assertThat(port.requestFacts().get(0).values()).containsEntry("api", List.of("PRODUCE", "Produce"))
        .containsEntry("topic", List.of("orders")).containsEntry("client_id", List.of("test-client"));
    assertThat(port.passThroughReason()).isNull();
  }

  @ParameterizedTest(name = "produce v{0}")
  @ValueSource(shorts = {3, 8, 9, 12, 13})
  void answersAMatchedProduceWithTheKafkaErrorInItsOwnVersion(short version) {
    learnOrdersTopicId();
    port.rule(rule(Direction.UPSTREAM, Map.of("topic", "orders"), error("NOT_LEADER_OR_FOLLOWER")));
    RequestHeader header = header(ApiKeys.PRODUCE, version, 9);
    Uuid id = version >= 13 ? ORDERS_ID : null;

    session.onClientData(buf(request(header, produce("orders", id, (short) -1))), port);

    assertThat(port.takeServerBytes()).isEmpty();
    ProduceResponse answer = (ProduceResponse) KafkaFrames.parse(single(port.takeClientBytes()), header);
    assertThat(answer.errorCounts()).containsOnlyKeys(Errors.NOT_LEADER_OR_FOLLOWER);
    assertThat(port.requestFacts().get(port.requestFacts().size() - 1).get("topic")).containsExactly("orders");
  }

  @Test
  void keepsInjectedAnswersInRequestOrderAmongPipelinedOnes() {
    port.rule(rule(Direction.UPSTREAM, Map.of("topic", "orders"), error("REQUEST_TIMED_OUT")));
    RequestHeader first = header(ApiKeys.PRODUCE, (short) 12, 1);
    RequestHeader faulted = header(ApiKeys.PRODUCE, (short) 12, 2);
    RequestHeader third = header(ApiKeys.PRODUCE, (short) 12, 3);
    session.onClientData(buf(request(first, produce("audit", null, (short) 1))), port);
    session.onClientData(buf(request(faulted, produce("orders", null, (short) 1))), port);
    session.onClientData(buf(request(third, produce("audit", null, (short) 1))), port);
    assertThat(KafkaFrames.split(port.takeServerBytes())).hasSize(2);
    assertThat(port.takeClientBytes()).as("the injected answer waits for the first").isEmpty();

    session.onServerData(buf(response(first, produced("audit", null, 1))), port);
    session.onServerData(buf(response(third, produced("audit", null, 2))), port);

    List<ByteBuffer> answers = KafkaFrames.split(port.takeClientBytes());
    assertThat(answers).hasSize(3);
    assertThat(answers.stream().map(b -> b.getInt(0))).containsExactly(1, 2, 3);
    ProduceResponse second = (ProduceResponse) KafkaFrames.parse(answers.get(1), faulted);
    assertThat(second.errorCounts()).containsOnlyKeys(Errors.REQUEST_TIMED_OUT);
  }

  @Test
  void failsOnlyTheMatchedTopicOfAProduceThatCarriesSeveral() {
    port.rule(rule(Direction.UPSTREAM, Map.of("topic", "orders"), error("NOT_LEADER_OR_FOLLOWER")));
    RequestHeader header = header(ApiKeys.PRODUCE, (short) 12, 5);
    session.onClientData(buf(request(header, KafkaRequests.produceTo("orders", "audit"))), port);

    ByteBuffer atServer = single(port.takeServerBytes());
    RequestHeader forwardedHeader = RequestHeader.parse(atServer);
    ProduceRequest forwarded = ProduceRequest.parse(new ByteBufferAccessor(atServer), forwardedHeader.apiVersion());
    assertThat(forwardedHeader.correlationId()).isEqualTo(5);
    assertThat(forwarded.data().topicData()).extracting(t -> t.name()).containsExactly("audit");
    session.onServerData(buf(response(header, produced("audit", null, 3))), port);

    ProduceResponse answer = (ProduceResponse) KafkaFrames.parse(single(port.takeClientBytes()), header);
    assertThat(answer.data().responses()).extracting(t -> t.name(), t -> t.partitionResponses().get(0).errorCode())
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("audit", (short) 0),
            org.assertj.core.groups.Tuple.tuple("orders", Errors.NOT_LEADER_OR_FOLLOWER.code()));
  }

  @Test
  void forwardsOnlyTheOtherTopicsOfAFaultedAcksZeroProduce() {
    port.rule(rule(Direction.UPSTREAM, Map.of("topic", "orders"), error("NOT_LEADER_OR_FOLLOWER")));
    org.apache.kafka.common.message.ProduceRequestData both = KafkaRequests.produceTo("orders", "audit").setAcks((short) 0);
    session.onClientData(buf(request(header(ApiKeys.PRODUCE, (short) 12, 5), both)), port);

    ByteBuffer atServer = single(port.takeServerBytes());
    RequestHeader forwardedHeader = RequestHeader.parse(atServer);
    ProduceRequest forwarded = ProduceRequest.parse(new ByteBufferAccessor(atServer), forwardedHeader.apiVersion());
    assertThat(forwarded.data().topicData()).extracting(t -> t.name()).containsExactly("audit");
    assertThat(forwarded.acks()).isZero();
    assertThat(port.takeClientBytes()).isEmpty();
  }

  @Test
  void swallowsAFaultedAcksZeroProduceAndKeepsRelaying() {
    port.rule(rule(Direction.UPSTREAM, Map.of("topic", "orders"), error("NOT_LEADER_OR_FOLLOWER")));
    session.onClientData(buf(request(header(ApiKeys.PRODUCE, (short) 12, 1), produce("orders", null, (short) 0))), port);
    RequestHeader next = header(ApiKeys.PRODUCE, (short) 12, 2);
    byte[] nextRequest = request(next, produce("audit", null, (short) 0));
    session.onClientData(buf(nextRequest), port);
    RequestHeader acked = header(ApiKeys.PRODUCE, (short) 12, 3);
    session.onClientData(buf(request(acked, produce("audit", null, (short) 1))), port);
    byte[] ackedResponse = response(acked, produced("audit", null, 5));
    session.onServerData(buf(ackedResponse), port);

    assertThat(KafkaFrames.split(port.takeServerBytes())).hasSize(2);
    assertThat(port.takeClientBytes()).isEqualTo(ackedResponse);
  }

  @ParameterizedTest(name = "metadata v{0}")
  @ValueSource(shorts = {4, 9, 12, 13})
  void rewritesBrokerAddressesInMetadataResponses(short version) {
    RequestHeader header = header(ApiKeys.METADATA, version, 4);
    session.onClientData(buf(request(header, new MetadataRequestData().setTopics(null))), port);
    session.onServerData(buf(response(header, metadata("kafka-7", 9092))), port);

    MetadataResponse answer = (MetadataResponse) KafkaFrames.parse(single(port.takeClientBytes()), header);
    assertThat(answer.data().brokers()).singleElement().satisfies(b -> {
      assertThat(b.host()).isEqualTo("127.0.0.1");
      assertThat(b.port()).isEqualTo(19092);
      assertThat(b.nodeId()).isEqualTo(1);
    });
    assertThat(answer.data().topics().find("orders")).isNotNull();
  }

  @Test
  void withholdsTheAnswerToADroppedRequestAndEverythingAfterIt() {
    port.rule(rule(Direction.UPSTREAM, Map.of("topic", "orders"), new Action.Drop(null)));
    RequestHeader dropped = header(ApiKeys.PRODUCE, (short) 12, 1);
    RequestHeader later = header(ApiKeys.PRODUCE, (short) 12, 2);
    session.onClientData(buf(request(dropped, produce("orders", null, (short) 1))), port);
    session.onClientData(buf(request(later, produce("audit", null, (short) 1))), port);
    session.onServerData(buf(response(later, produced("audit", null, 1))), port);

    assertThat(KafkaFrames.split(port.takeServerBytes())).hasSize(1);
    assertThat(port.takeClientBytes()).isEmpty();
    assertThat(port.closedHow()).isNull();
  }

  @Test
  void closesTheConnectionForDropModeClose() {
    port.rule(rule(Direction.UPSTREAM, Map.of("api", "PRODUCE"),
        new Action.Drop(DropMode.CLOSE)));
    session.onClientData(buf(request(header(ApiKeys.PRODUCE, (short) 12, 1), produce("orders", null, (short) 1))), port);

    assertThat(port.closedHow()).isEqualTo("close");
    assertThat(port.takeServerBytes()).isEmpty();
  }

  @Test
  void duplicatesAProduceAndHidesTheSecondAnswer() {
    port.rule(rule(Direction.UPSTREAM, Map.of("api", "PRODUCE"), new Action.Duplicate()));
    RequestHeader header = header(ApiKeys.PRODUCE, (short) 12, 1);
    byte[] request = request(header, produce("orders", null, (short) 1));
    session.onClientData(buf(request), port);
    byte[] first = response(header, produced("orders", null, 1));
    session.onServerData(buf(first), port);
    session.onServerData(buf(response(header, produced("orders", null, 2))), port);

    assertThat(KafkaFrames.split(port.takeServerBytes())).hasSize(2);
    assertThat(port.takeClientBytes()).isEqualTo(first);
  }

  @Test
  void replacesTheBrokersAnswerForAResponseRule() {
    port.rule(rule(Direction.DOWNSTREAM, Map.of("topic", "orders"), error("NETWORK_EXCEPTION")));
    RequestHeader header = header(ApiKeys.PRODUCE, (short) 12, 1);
    byte[] request = request(header, produce("orders", null, (short) 1));
    session.onClientData(buf(request), port);
    assertThat(port.takeServerBytes()).isEqualTo(request);
    session.onServerData(buf(response(header, produced("orders", null, 1))), port);

    ProduceResponse answer = (ProduceResponse) KafkaFrames.parse(single(port.takeClientBytes()), header);
    assertThat(answer.errorCounts()).containsOnlyKeys(Errors.NETWORK_EXCEPTION);
  }

  @Test
  void delaysTheRequestForADelayRule() {
    port.rule(rule(Direction.UPSTREAM, Map.of("api", "PRODUCE"), new Action.Delay(Duration.ofMillis(250))));
    session.onClientData(buf(request(header(ApiKeys.PRODUCE, (short) 12, 1), produce("orders", null, (short) 1))), port);

    assertThat(port.serverDelays()).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void fallsBackToPlainRelayForTrafficThatIsNotKafka() {
    byte[] http = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes();
    session.onClientData(buf(http), port);

    assertThat(port.passThroughReason()).contains("not a Kafka frame size");
    assertThat(port.takeServerBytes()).isEqualTo(http);
  }

  private void learnOrdersTopicId() {
    RecordingPort learning = new RecordingPort(new KafkaInspector());
    KafkaSession other = (KafkaSession) sessions.open(BrokerAddresses.single(PROXY));
    RequestHeader header = header(ApiKeys.METADATA, (short) 12, 1);
    other.onClientData(buf(request(header, new MetadataRequestData().setTopics(null))), learning);
    other.onServerData(buf(response(header, metadata("kafka-7", 9092))), learning);
    other.onClose();
  }

  static Rule rule(Direction direction, Map<String, String> match, Action action) {
    return new Rule("r", "", direction, match, action, 1, 0, 0);
  }

  static Action error(String code) {
    return Action.Error.of(code, "");
  }

  private static io.netty.buffer.ByteBuf buf(byte[] bytes) {
    return io.netty.buffer.Unpooled.wrappedBuffer(bytes);
  }

  private static ByteBuffer single(byte[] bytes) {
    List<ByteBuffer> frames = KafkaFrames.split(bytes);
    assertThat(frames).hasSize(1);
    return frames.get(0);
  }
}
