package dev.chaosjunit.proxy.kafka;

import io.netty.buffer.ByteBuf;

/**
 * Tells whether a Fetch response (v16 to v18) carries top-level tagged fields, where the broker puts
 * its leader hints (node endpoints), without decoding it: walks the fields in place, skipping record
 * bytes, so the common response without hints is relayed untouched and never copied. Fetch responses
 * run to megabytes; decoding one as a whole would copy it first when it arrived in several chunks.
 */
final class FetchTail {

  /** The last Fetch version whose layout this walker knows; later ones are decoded in full. */
  static final short LAST_KNOWN_VERSION = 18;

  private static final int PARTITION_FIXED = 4 + 2 + 8 + 8 + 8;
  private static final int ABORTED_TRANSACTION = 8 + 8;

  private FetchTail() {}

  /**
   * Whether the response frame (size prefix included) has top-level tagged fields.
   *
   * @throws KafkaDecodeException when the frame is not a Fetch v16+ response
   */
  static boolean hasTaggedFields(ByteBuf frame) {
    WireCursor cursor = new WireCursor(frame, frame.readerIndex() + 4, "FETCH response");
    cursor.skip(4);
    cursor.skipTaggedFields();
    cursor.skip(4 + 2 + 4);
    for (int topics = cursor.unsignedVarint() - 1; topics > 0; topics--) {
      cursor.skip(16);
      for (int partitions = cursor.unsignedVarint() - 1; partitions > 0; partitions--) {
        skipPartition(cursor);
      }
      cursor.skipTaggedFields();
    }
    return cursor.unsignedVarint() > 0;
  }

  private static void skipPartition(WireCursor cursor) {
    cursor.skip(PARTITION_FIXED);
    for (int aborted = cursor.unsignedVarint() - 1; aborted > 0; aborted--) {
      cursor.skip(ABORTED_TRANSACTION);
      cursor.skipTaggedFields();
    }
    cursor.skip(4);
    cursor.skip(Math.max(0, cursor.unsignedVarint() - 1));
    cursor.skipTaggedFields();
  }
}
