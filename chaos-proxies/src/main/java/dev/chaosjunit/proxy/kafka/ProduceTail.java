package dev.chaosjunit.proxy.kafka;

import io.netty.buffer.ByteBuf;

/**
 * Tells whether a Produce response (v10 to v13) carries top-level tagged fields, where the broker puts
 * its leader hints (node endpoints), without decoding it: walks the fields in place, so the common
 * response without hints is relayed untouched.
 */
final class ProduceTail {

  /** The last Produce version whose layout this walker knows; later ones are decoded in full. */
  static final short LAST_KNOWN_VERSION = 13;

  private static final short FIRST_WITH_IDS = 13;
  private static final int PARTITION_FIXED = 4 + 2 + 8 + 8 + 8;

  private ProduceTail() {}

  /**
   * Whether the response frame (size prefix included) of a Produce v10+ request has top-level tagged
   * fields.
   *
   * @throws KafkaDecodeException when the frame is not a Produce response of {@code version}
   */
  static boolean hasTaggedFields(ByteBuf frame, short version) {
    WireCursor cursor = new WireCursor(frame, frame.readerIndex() + 4, "PRODUCE v" + version + " response");
    cursor.skip(4);
    cursor.skipTaggedFields();
    for (int topics = cursor.unsignedVarint() - 1; topics > 0; topics--) {
      cursor.skip(version >= FIRST_WITH_IDS ? 16 : Math.max(0, cursor.unsignedVarint() - 1));
      for (int partitions = cursor.unsignedVarint() - 1; partitions > 0; partitions--) {
        skipPartition(cursor);
      }
      cursor.skipTaggedFields();
    }
    cursor.skip(4);
    return cursor.unsignedVarint() > 0;
  }

  private static void skipPartition(WireCursor cursor) {
    cursor.skip(PARTITION_FIXED);
    for (int errors = cursor.unsignedVarint() - 1; errors > 0; errors--) {
      cursor.skip(4);
      cursor.skip(Math.max(0, cursor.unsignedVarint() - 1));
      cursor.skipTaggedFields();
    }
    cursor.skip(Math.max(0, cursor.unsignedVarint() - 1));
    cursor.skipTaggedFields();
  }
}
