package dev.chaosjunit.proxy.kafka;

import static dev.chaosjunit.proxy.kafka.KafkaRoutingTest.fetched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.RequestHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The in-place walk over Fetch responses built by kafka-clients, in one piece and byte by byte. */
class FetchTailTest {

  @ParameterizedTest(name = "fetch v{0}")
  @ValueSource(shorts = {16, 17, 18})
  void findsNoTaggedFieldsInAResponseWithoutLeaderHints(short version) {
    assertThat(walk(version, busyResponse(version), false)).isFalse();
    assertThat(walk(version, busyResponse(version), true)).isFalse();
  }

  @ParameterizedTest(name = "fetch v{0}")
  @ValueSource(shorts = {16, 17, 18})
  void findsTheNodeEndpointsOfAResponseWithLeaderHints(short version) {
    FetchResponseData hinted = busyResponse(version);
    hinted.nodeEndpoints().add(new FetchResponseData.NodeEndpoint().setNodeId(2).setHost("kafka-2").setPort(9093));

    assertThat(walk(version, hinted, false)).isTrue();
    assertThat(walk(version, hinted, true)).isTrue();
  }

  @ParameterizedTest(name = "cut at {0} bytes from the end")
  @ValueSource(ints = {1, 2, 9, 40})
  void refusesATruncatedResponse(int cut) {
    byte[] bytes = KafkaFrames.response(KafkaFrames.header(ApiKeys.FETCH, (short) 17, 1), busyResponse((short) 17));
    ByteBuf truncated = Unpooled.wrappedBuffer(Arrays.copyOf(bytes, bytes.length - cut));
    truncated.setInt(0, truncated.readableBytes() - 4);
    try {
      assertThatThrownBy(() -> FetchTail.hasTaggedFields(truncated)).isInstanceOf(KafkaDecodeException.class)
          .hasMessageContaining("FETCH response");
    } finally {
      truncated.release();
    }
  }

  /** Two topics; aborted transactions, an empty and a null record set, a partition-level tagged field. */
  private static FetchResponseData busyResponse(short version) {
    FetchResponseData data = fetched(version, "orders", "audit");
    FetchResponseData.PartitionData first = data.responses().get(0).partitions().get(0);
    first.setAbortedTransactions(List.of(new FetchResponseData.AbortedTransaction().setProducerId(7).setFirstOffset(3)));
    data.responses().get(1).setPartitions(new java.util.ArrayList<>(data.responses().get(1).partitions()));
    data.responses().get(1).partitions().add(new FetchResponseData.PartitionData().setPartitionIndex(1)
        .setErrorCode(Errors.NOT_LEADER_OR_FOLLOWER.code()).setRecords(null)
        .setCurrentLeader(new FetchResponseData.LeaderIdAndEpoch().setLeaderId(2).setLeaderEpoch(4)));
    return data;
  }

  private static boolean walk(short version, FetchResponseData data, boolean byteByByte) {
    RequestHeader header = KafkaFrames.header(ApiKeys.FETCH, version, 1);
    byte[] bytes = KafkaFrames.response(header, data);
    ByteBuf frame = byteByByte ? chunks(bytes) : Unpooled.wrappedBuffer(bytes);
    try {
      return FetchTail.hasTaggedFields(frame);
    } finally {
      frame.release();
    }
  }

  private static ByteBuf chunks(byte[] bytes) {
    CompositeByteBuf composite = Unpooled.compositeBuffer(bytes.length);
    for (byte b : bytes) {
      composite.addComponent(true, Unpooled.wrappedBuffer(new byte[] {b}));
    }
    return composite;
  }
}
