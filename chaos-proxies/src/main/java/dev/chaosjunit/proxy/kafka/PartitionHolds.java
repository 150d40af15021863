package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.fault.Action;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.RetriableException;

/**
 * The partitions of one connection that a retriable produce error took down, as a broker that is not
 * the partition's leader would: once a batch of an idempotent producer failed with, say,
 * NOT_LEADER_OR_FOLLOWER, the batches it already had in flight behind it (higher sequences) fail with
 * the same error, instead of reaching the broker out of sequence (which a real broker answers with
 * OUT_OF_ORDER_SEQUENCE_NUMBER, and the producer then stalls until its delivery timeout). The
 * producer's retry of the failed batch (a sequence at or below the held one) releases the partition.
 * Batches without a sequence (producers that are not idempotent) are never held.
 */
final class PartitionHolds {

  /** A partition of a topic known by name (up to Produce v12) or by id (v13+). */
  record Key(String topic, int partition) {
    static Key of(String name, Uuid id, int partition) {
      boolean byId = id != null && !Uuid.ZERO_UUID.equals(id);
      return new Key(byId ? id.toString() : name, partition);
    }
  }

  private record Hold(int sequence, Action.Error error) {}

  private final Map<Key, Hold> holds = new HashMap<>();

  /**
   * The partitions of {@code produce} still held, with their errors; partitions the request retries
   * are released first.
   */
  Map<Key, Action.Error> heldIn(ProduceTopics produce) {
    if (holds.isEmpty() || produce == null) {
      return Map.of();
    }
    Map<Key, Action.Error> held = new LinkedHashMap<>();
    for (ProduceTopics.Topic topic : produce.topics) {
      for (ProduceTopics.Partition partition : topic.partitions()) {
        Key key = Key.of(topic.name(), topic.id(), partition.index());
        Hold hold = holds.get(key);
        if (hold == null) {
          continue;
        }
        if (partition.baseSequence() > hold.sequence) {
          held.put(key, hold.error);
        } else {
          holds.remove(key);
        }
      }
    }
    return held;
  }

  /** Holds the failed partitions of {@code produce} that carry a sequence, if {@code error} is retriable. */
  void hold(ProduceTopics produce, Map<Key, Action.Error> failed) {
    if (produce == null) {
      return;
    }
    for (ProduceTopics.Topic topic : produce.topics) {
      for (ProduceTopics.Partition partition : topic.partitions()) {
        Key key = Key.of(topic.name(), topic.id(), partition.index());
        Action.Error error = failed.get(key);
        if (error != null && partition.baseSequence() != ProduceTopics.NO_SEQUENCE && retriable(error)) {
          holds.putIfAbsent(key, new Hold(partition.baseSequence(), error));
        }
      }
    }
  }

  private static boolean retriable(Action.Error error) {
    return ErrorResponses.error(error).exception() instanceof RetriableException;
  }
}
