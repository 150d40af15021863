package dev.chaosjunit.proxy.kafka;

import java.net.InetSocketAddress;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;

/** Kafka messages as kafka-clients and a broker build them, for codec tests. */
final class KafkaRequests {

  static final Uuid ORDERS_ID = Uuid.fromString("b1i6eWmCRbqYWJc1JsLqqg");
  static final InetSocketAddress PROXY = InetSocketAddress.createUnresolved("127.0.0.1", 19092);

  private KafkaRequests() {}

  /** A produce of one record to partition 0 of {@code topic}, by name (v12-) or id (v13+). */
  static ProduceRequestData produce(String topic, Uuid id, short acks) {
    MemoryRecords records = MemoryRecords.withRecords(Compression.NONE, new SimpleRecord("k".getBytes(), "v".getBytes()));
    ProduceRequestData.TopicProduceDataCollection topics = new ProduceRequestData.TopicProduceDataCollection();
    topics.add(new ProduceRequestData.TopicProduceData().setName(id == null ? topic : "").setTopicId(
        id == null ? Uuid.ZERO_UUID : id).setPartitionData(
        List.of(new ProduceRequestData.PartitionProduceData().setIndex(0).setRecords(records))));
    return new ProduceRequestData().setAcks(acks).setTimeoutMs(1000).setTopicData(topics);
  }

  /** One record in a batch of an idempotent producer (id 7, epoch 0) starting at {@code baseSequence}. */
  static MemoryRecords idempotentBatch(int baseSequence) {
    return MemoryRecords.withIdempotentRecords(Compression.NONE, 7L, (short) 0, baseSequence,
        new SimpleRecord("k".getBytes(), "v".getBytes()));
  }

  /** One record in a batch of a producer that is not idempotent. */
  static MemoryRecords plainBatch() {
    return MemoryRecords.withRecords(Compression.NONE, new SimpleRecord("k".getBytes(), "v".getBytes()));
  }

  /** A produce of one record to partition 0 of each of {@code topics}, by name. */
  static ProduceRequestData produceTo(String... topics) {
    ProduceRequestData data = produce(topics[0], null, (short) 1);
    for (int i = 1; i < topics.length; i++) {
      data.topicData().add(produce(topics[i], null, (short) 1).topicData().iterator().next().duplicate());
    }
    return data;
  }

  /** A broker's successful answer to {@link #produce}. */
  static ProduceResponseData produced(String topic, Uuid id, long offset) {
    ProduceResponseData.TopicProduceResponseCollection topics = new ProduceResponseData.TopicProduceResponseCollection();
    topics.add(new ProduceResponseData.TopicProduceResponse().setName(id == null ? topic : "")
        .setTopicId(id == null ? Uuid.ZERO_UUID : id)
        .setPartitionResponses(List.of(new ProduceResponseData.PartitionProduceResponse().setIndex(0).setBaseOffset(offset))));
    return new ProduceResponseData().setResponses(topics);
  }

  /** A metadata response naming one broker and topic {@code orders} with its id. */
  static MetadataResponseData metadata(String brokerHost, int brokerPort) {
    MetadataResponseData.MetadataResponseBrokerCollection brokers = new MetadataResponseData.MetadataResponseBrokerCollection();
    brokers.add(new MetadataResponseData.MetadataResponseBroker().setNodeId(1).setHost(brokerHost).setPort(brokerPort));
    MetadataResponseData.MetadataResponseTopicCollection topics = new MetadataResponseData.MetadataResponseTopicCollection();
    topics.add(new MetadataResponseData.MetadataResponseTopic().setName("orders").setTopicId(ORDERS_ID)
        .setPartitions(List.of(new MetadataResponseData.MetadataResponsePartition().setPartitionIndex(0).setLeaderId(1))));
    return new MetadataResponseData().setBrokers(brokers).setTopics(topics).setClusterId("cluster").setControllerId(1);
  }
}
