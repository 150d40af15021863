package dev.chaosjunit.proxy.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.RequestHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The in-place walks over Produce requests ({@link ProduceTopics}) and responses ({@link ProduceTail}). */
class ProduceWalkTest {

  private static final Uuid AUDIT_ID = new Uuid(0x5eed_0001L, 0x5eed_0002L);

  @ParameterizedTest(name = "produce v{0}")
  @ValueSource(shorts = {3, 8, 9, 12, 13})
  void readsAcksAndEveryTopicOfARequest(short version) {
    ProduceRequestData data = twoTopics(version).setAcks((short) -1).setTransactionalId("txn-1");

    ProduceTopics read = walk(version, data, 0);

    assertThat(read.acks).isEqualTo((short) -1);
    assertThat(read.topics).extracting(ProduceTopics.Topic::name, ProduceTopics.Topic::id).containsExactly(
        version >= 13 ? tuple(null, KafkaRequests.ORDERS_ID) : tuple("orders", null),
        version >= 13 ? tuple(null, AUDIT_ID) : tuple("audit", null));
    assertThat(read.topics.get(0).partitions()).extracting(ProduceTopics.Partition::index).containsExactly(0, 1);
  }

  @ParameterizedTest(name = "produce v{0}")
  @ValueSource(shorts = {3, 9, 13})
  void readsTheBaseSequenceOfAnIdempotentBatchAndNoneOfAPlainOne(short version) {
    ProduceRequestData data = twoTopics(version);
    List<ProduceRequestData.PartitionProduceData> partitions = data.topicData().iterator().next().partitionData();
    partitions.get(0).setRecords(KafkaRequests.idempotentBatch(4242));
    partitions.get(1).setRecords(KafkaRequests.plainBatch());

    ProduceTopics read = walk(version, data, 0);

    assertThat(read.topics.get(0).partitions()).containsExactly(new ProduceTopics.Partition(0, 4242),
        new ProduceTopics.Partition(1, ProduceTopics.NO_SEQUENCE));
  }

  @ParameterizedTest(name = "produce v{0}")
  @ValueSource(shorts = {3, 9, 13})
  void readsAcksZeroWithoutTransactionalId(short version) {
    assertThat(walk(version, twoTopics(version).setAcks((short) 0), 0).acks).isZero();
  }

  @ParameterizedTest(name = "cut at {0} bytes from the end")
  @ValueSource(ints = {1, 5, 30})
  void refusesATruncatedRequest(int cut) {
    assertThatThrownBy(() -> walk((short) 11, twoTopics((short) 11), cut)).isInstanceOf(KafkaDecodeException.class)
        .hasMessageContaining("PRODUCE v11 request");
  }

  @ParameterizedTest(name = "produce v{0}")
  @ValueSource(shorts = {10, 12, 13})
  void findsNoTaggedFieldsInAResponseWithoutLeaderHints(short version) {
    assertThat(tail(version, busyResponse(version), 0)).isFalse();
  }

  @ParameterizedTest(name = "produce v{0}")
  @ValueSource(shorts = {10, 12, 13})
  void findsTheNodeEndpointsOfAResponseWithLeaderHints(short version) {
    ProduceResponseData hinted = busyResponse(version);
    hinted.nodeEndpoints().add(new ProduceResponseData.NodeEndpoint().setNodeId(2).setHost("kafka-2").setPort(9093));

    assertThat(tail(version, hinted, 0)).isTrue();
  }

  @ParameterizedTest(name = "cut at {0} bytes from the end")
  @ValueSource(ints = {1, 2, 9, 40})
  void refusesATruncatedResponse(int cut) {
    assertThatThrownBy(() -> tail((short) 11, busyResponse((short) 11), cut)).isInstanceOf(KafkaDecodeException.class)
        .hasMessageContaining("PRODUCE v11 response");
  }

  private static ProduceRequestData twoTopics(short version) {
    ProduceRequestData data = version >= 13
        ? KafkaRequests.produce("orders", KafkaRequests.ORDERS_ID, (short) 1)
        : KafkaRequests.produceTo("orders", "audit");
    if (version >= 13) {
      data.topicData().add(KafkaRequests.produce("audit", AUDIT_ID, (short) 1).topicData().iterator().next()
          .duplicate());
    }
    ProduceRequestData.TopicProduceData first = data.topicData().iterator().next();
    first.setPartitionData(new ArrayList<>(first.partitionData()));
    first.partitionData().add(new ProduceRequestData.PartitionProduceData().setIndex(1).setRecords(null));
    return data;
  }

  /** A topic with a record error and a partition-level leader (a tagged field), and a second topic. */
  private static ProduceResponseData busyResponse(short version) {
    Uuid id = version >= 13 ? KafkaRequests.ORDERS_ID : null;
    ProduceResponseData data = KafkaRequests.produced("orders", id, 41);
    data.responses().add(KafkaRequests.produced("audit", version >= 13 ? AUDIT_ID : null, 7).responses()
        .iterator().next().duplicate());
    ProduceResponseData.PartitionProduceResponse first = data.responses().iterator().next().partitionResponses().get(0);
    first.setErrorCode(Errors.NOT_LEADER_OR_FOLLOWER.code()).setErrorMessage("moved")
        .setRecordErrors(List.of(new ProduceResponseData.BatchIndexAndErrorMessage().setBatchIndex(3)
            .setBatchIndexErrorMessage("bad record")))
        .setCurrentLeader(new ProduceResponseData.LeaderIdAndEpoch().setLeaderId(2).setLeaderEpoch(4));
    return data.setThrottleTimeMs(12);
  }

  private static ProduceTopics walk(short version, ProduceRequestData data, int cut) {
    RequestHeader header = KafkaFrames.header(ApiKeys.PRODUCE, version, 1);
    ByteBuf frame = frame(KafkaFrames.request(header, data), cut);
    try {
      return ProduceTopics.read(frame, 4 + header.size(), version);
    } finally {
      frame.release();
    }
  }

  private static boolean tail(short version, ProduceResponseData data, int cut) {
    ByteBuf frame = frame(KafkaFrames.response(KafkaFrames.header(ApiKeys.PRODUCE, version, 1), data), cut);
    try {
      return ProduceTail.hasTaggedFields(frame, version);
    } finally {
      frame.release();
    }
  }

  private static ByteBuf frame(byte[] bytes, int cut) {
    ByteBuf frame = Unpooled.wrappedBuffer(Arrays.copyOf(bytes, bytes.length - cut));
    frame.setInt(0, frame.readableBytes() - 4);
    return frame;
  }
}
