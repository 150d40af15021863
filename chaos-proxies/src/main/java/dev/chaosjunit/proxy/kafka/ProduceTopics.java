package dev.chaosjunit.proxy.kafka;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.Uuid;

/**
 * The acks, topics and partitions of a Produce request (v3 to v13), read in place: walks the header
 * fields and the topic array, reading of each partition's record batch only its base sequence, so a
 * produce that no rule touches is matched without being decoded (or copied) by kafka-clients.
 */
final class ProduceTopics {

  /** The versions whose layout this walker knows; others are decoded in full. */
  static final short FIRST_KNOWN_VERSION = 3;
  static final short LAST_KNOWN_VERSION = 13;
  private static final short FIRST_FLEXIBLE = 9;
  private static final short FIRST_WITH_IDS = 13;

  /** The base sequence of a batch from a producer that is not idempotent. */
  static final int NO_SEQUENCE = -1;
  private static final int BATCH_HEADER = 61;
  private static final int MAGIC_AT = 16;
  private static final int BASE_SEQUENCE_AT = 53;

  /** One topic of the request: its name (up to v12) or its id (v13+), and its partitions. */
  record Topic(String name, Uuid id, List<Partition> partitions) {}

  /**
   * One partition's batch: its index and the base sequence of its (first) record batch, or
   * {@link #NO_SEQUENCE} when the producer is not idempotent or the records are not a v2 batch.
   */
  record Partition(int index, int baseSequence) {}

  final short acks;
  final List<Topic> topics;

  private ProduceTopics(short acks, List<Topic> topics) {
    this.acks = acks;
    this.topics = topics;
  }

  static boolean knows(short version) {
    return version >= FIRST_KNOWN_VERSION && version <= LAST_KNOWN_VERSION;
  }

  /**
   * Reads the request body starting at {@code bodyOffset} (absolute) of {@code frame}.
   *
   * @throws KafkaDecodeException when the body is not a Produce request of {@code version}
   */
  static ProduceTopics read(ByteBuf frame, int bodyOffset, short version) {
    WireCursor cursor = new WireCursor(frame, bodyOffset, "PRODUCE v" + version + " request");
    boolean flexible = version >= FIRST_FLEXIBLE;
    cursor.skip(Math.max(0, length(cursor, flexible, false)));
    short acks = cursor.int16();
    cursor.skip(4);
    int count = length(cursor, flexible, true);
    List<Topic> topics = new ArrayList<>(Math.max(0, Math.min(count, 64)));
    for (int i = 0; i < count; i++) {
      topics.add(topic(cursor, version, flexible));
    }
    taggedFields(cursor, flexible);
    return new ProduceTopics(acks, topics);
  }

  private static Topic topic(WireCursor cursor, short version, boolean flexible) {
    Uuid id = version >= FIRST_WITH_IDS ? cursor.uuid() : null;
    String name = id == null ? cursor.string(length(cursor, flexible, false)) : null;
    int count = length(cursor, flexible, true);
    List<Partition> partitions = new ArrayList<>(Math.max(0, Math.min(count, 64)));
    for (int i = 0; i < count; i++) {
      int index = cursor.int32();
      int records = Math.max(0, flexible ? cursor.unsignedVarint() - 1 : cursor.int32());
      partitions.add(new Partition(index, baseSequence(cursor, records)));
      cursor.skip(records);
      taggedFields(cursor, flexible);
    }
    taggedFields(cursor, flexible);
    return new Topic(name, id, List.copyOf(partitions));
  }

  /** The base sequence of the v2 record batch of {@code length} bytes at the cursor, if it has one. */
  private static int baseSequence(WireCursor cursor, int length) {
    if (length < BATCH_HEADER || cursor.peekByte(MAGIC_AT) != 2) {
      return NO_SEQUENCE;
    }
    return cursor.peekInt32(BASE_SEQUENCE_AT);
  }

  /** A string's length (int16, or compact) or an array's count (int32, or compact); -1 for null. */
  private static int length(WireCursor cursor, boolean flexible, boolean array) {
    if (flexible) {
      return cursor.unsignedVarint() - 1;
    }
    return array ? cursor.int32() : cursor.int16();
  }

  private static void taggedFields(WireCursor cursor, boolean flexible) {
    if (flexible) {
      cursor.skipTaggedFields();
    }
  }
}
