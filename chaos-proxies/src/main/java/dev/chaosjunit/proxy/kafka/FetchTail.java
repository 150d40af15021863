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

  private final ByteBuf frame;
  private final int end;
  private int at;

  private FetchTail(ByteBuf frame) {
    this.frame = frame;
    this.at = frame.readerIndex() + 4;
    this.end = frame.readerIndex() + frame.readableBytes();
  }

  /**
   * Whether the response frame (size prefix included) has top-level tagged fields.
   *
   * @throws KafkaDecodeException when the frame is not a Fetch v16+ response
   */
  static boolean hasTaggedFields(ByteBuf frame) {
    return new FetchTail(frame).walk();
  }

  private boolean walk() {
    skip(4);
    skipTaggedFields();
    skip(4 + 2 + 4);
    for (int topics = unsignedVarint() - 1; topics > 0; topics--) {
      skip(16);
      for (int partitions = unsignedVarint() - 1; partitions > 0; partitions--) {
        skipPartition();
      }
      skipTaggedFields();
    }
    return unsignedVarint() > 0;
  }

  private void skipPartition() {
    skip(PARTITION_FIXED);
    for (int aborted = unsignedVarint() - 1; aborted > 0; aborted--) {
      skip(ABORTED_TRANSACTION);
      skipTaggedFields();
    }
    skip(4);
    skip(Math.max(0, unsignedVarint() - 1));
    skipTaggedFields();
  }

  private void skipTaggedFields() {
    for (int fields = unsignedVarint(); fields > 0; fields--) {
      unsignedVarint();
      skip(unsignedVarint());
    }
  }

  private void skip(int n) {
    if (n < 0 || n > end - at) {
      throw new KafkaDecodeException("FETCH response: field of [" + n + "] bytes runs past the frame's end");
    }
    at += n;
  }

  private int unsignedVarint() {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      skip(1);
      byte b = frame.getByte(at - 1);
      value |= (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new KafkaDecodeException("FETCH response: varint longer than 5 bytes");
  }
}
